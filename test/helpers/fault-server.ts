/**
 * A local HTTP server that serves one encrypted file with Range and misbehaves on request:
 * 401 until the client renews, 429 with Retry-After, 5xx bursts, connection resets after N bytes,
 * stalls, 200 to ranged requests, wrong Content-Range, and a hold after N bytes in total (so a
 * test can kill a client at a known point). `GET /renew` hands out the current token.
 */
import {once} from 'node:events';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type Faults = {
	/** The next N download requests answer 429 with this Retry-After. */
	rateLimit?: {count: number; retryAfter: string};
	/** The next N download requests answer 503. */
	serverErrors?: number;
	/** The next N responses are cut after this many body bytes. */
	reset?: {count: number; afterBytes: number};
	/** The next N responses send headers and then nothing. */
	stall?: number;
	/** The next N ranged requests get a 200 with the whole file. */
	ignoreRange?: number;
	/** The next N ranged requests get a Content-Range that starts elsewhere. */
	wrongRange?: number;
	/** Every request answers 404. */
	notFound?: boolean;
	/** Stop sending (without closing) once this many body bytes went out in total. */
	holdAfterBytes?: number;
	/** Body bytes per write; small values spread a download over many chunks. */
	chunkBytes?: number;
};

export type LoggedRequest = {start: number; end: number; status: number};

export class FaultServer {
	readonly faults: Faults = {};
	readonly log: LoggedRequest[] = [];
	bytesSent = 0;
	token = 'token-0';
	renewRequests = 0;
	/** Download responses not yet finished or closed. */
	openResponses = 0;
	#server: Server;
	#held: Array<() => void> = [];
	#onHold: (() => void) | undefined;
	readonly held: Promise<void>;

	private constructor(private readonly file: Buffer) {
		this.#server = createServer((request, response) => {
			void this.#handle(request, response).catch(() => response.destroy());
		});
		this.held = new Promise(resolve => {
			this.#onHold = resolve;
		});
	}

	static async start(file: Buffer): Promise<FaultServer> {
		const server = new FaultServer(file);
		server.#server.listen(0, '127.0.0.1');
		await once(server.#server, 'listening');
		return server;
	}

	get url(): string {
		const {port} = this.#server.address() as AddressInfo;
		return `http://127.0.0.1:${port}`;
	}

	/** The authorisation expires: every request with the old token gets 401 until /renew. */
	expire(): void {
		this.token = `token-${Number(this.token.slice(6)) + 1}`;
	}

	release(): void {
		this.faults.holdAfterBytes = undefined;
		for (const resume of this.#held.splice(0)) {
			resume();
		}
	}

	async close(): Promise<void> {
		this.release();
		this.#server.closeAllConnections();
		this.#server.close();
		await once(this.#server, 'close');
	}

	#take(key: 'serverErrors' | 'stall' | 'ignoreRange' | 'wrongRange'): boolean {
		const left = this.faults[key] ?? 0;
		if (left > 0) {
			this.faults[key] = left - 1;
		}

		return left > 0;
	}

	async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		if (request.url === '/renew') {
			this.renewRequests++;
			response.end(this.token);
			return;
		}

		this.openResponses++;
		response.once('close', () => this.openResponses--);
		const size = this.file.length;
		const match = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
		const start = match ? Number(match[1]) : 0;
		const end = match?.[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
		const answer = (status: number, headers: Record<string, string | number> = {}) => {
			this.log.push({start, end, status});
			response.writeHead(status, headers);
		};

		if (this.faults.notFound) {
			answer(404);
			response.end();
			return;
		}

		if (request.headers.authorization !== this.token) {
			answer(401);
			response.end();
			return;
		}

		const rate = this.faults.rateLimit;
		if (rate && rate.count > 0) {
			rate.count--;
			answer(429, {'retry-after': rate.retryAfter});
			response.end();
			return;
		}

		if (this.#take('serverErrors')) {
			answer(503);
			response.end('busy');
			return;
		}

		if (start >= size) {
			answer(416, {'content-range': `bytes */${size}`});
			response.end();
			return;
		}

		if (match && this.#take('ignoreRange')) {
			answer(200, {'content-length': size});
			await this.#send(response, 0, size - 1, Infinity);
			return;
		}

		const shifted = match && this.#take('wrongRange') ? 16 : 0;
		answer(match ? 206 : 200, {'content-length': end - start + 1, ...(match ? {'content-range': `bytes ${start + shifted}-${end + shifted}/${size}`} : {})});
		if (this.#take('stall')) {
			response.flushHeaders();
			return; // headers, then silence until the client gives up
		}

		const reset = this.faults.reset;
		let cutAfter = Infinity;
		if (reset && reset.count > 0) {
			reset.count--;
			cutAfter = reset.afterBytes;
		}

		await this.#send(response, start, end, cutAfter);
	}

	async #send(response: ServerResponse, start: number, end: number, cutAfter: number): Promise<void> {
		const chunkBytes = this.faults.chunkBytes ?? 64 * 1024;
		let sent = 0;
		for (let at = start; at <= end;) {
			if (response.destroyed) {
				return;
			}

			if (sent >= cutAfter) {
				response.socket?.destroy();
				return;
			}

			let length = Math.min(chunkBytes, end + 1 - at, cutAfter - sent);
			const holdAt = this.faults.holdAfterBytes;
			if (holdAt !== undefined && this.bytesSent + length >= holdAt) {
				length = Math.max(0, holdAt - this.bytesSent);
				if (length === 0) {
					this.#onHold?.();
					await new Promise<void>(resolve => this.#held.push(resolve));
					continue;
				}
			}

			const chunk = this.file.subarray(at, at + length);
			at += length;
			sent += length;
			this.bytesSent += length;
			if (!response.write(chunk)) {
				await new Promise<void>(resolve => {
					const done = () => {
						response.off('drain', done);
						response.off('close', done);
						resolve();
					};

					response.on('drain', done);
					response.on('close', done);
				});
			}
		}

		response.end();
	}
}
