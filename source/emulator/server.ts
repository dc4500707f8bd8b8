/**
 * The project's FUS emulator: one loopback HTTP server for all three hosts (FUS, download, FOTA),
 * both protocol variants, ranged downloads with expiring authorisations, and fault controls.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {setTimeout as sleep} from 'node:timers/promises';
import {join} from 'node:path';
import {classicVariant, smartVariant, smartHistoryPath, type ProtocolName} from '../core/fus/variant.js';
import {parseFusRequest} from '../core/fus/xml.js';
import {emulatorCatalog, findEmulatorModel, type EmulatorModel} from './catalog.js';
import {applyFaultUpdate, defaultFaults, takeCounted, type Faults} from './faults.js';
import {firmwareIdentity, makeFirmware, type EmulatorFirmware, type FirmwareIdentity} from './firmware.js';
import {handleHistory, handleInform, handleInit, historySignatures, type HandlerContext} from './fus-handlers.js';
import {sendFileRange} from './range.js';
import type {StreamOptions} from './send-file.js';
import {SessionStore} from './sessions.js';
import {TokenBucket} from './token-bucket.js';
import {versionXml} from './version-xml.js';

export type EmulatorOptions = {
	port?: number;
	host?: string;
	/** Roughly the plaintext zip size in bytes (256 KiB unless given). */
	firmwareSize?: number;
	/** Where encrypted firmware files are made and reused across runs. */
	cacheDir?: string;
	faults?: Faults;
	now?: () => number;
};

export const defaultCacheDir = () => join(tmpdir(), 'fusdeck-emulator-cache');

export type Emulator = {
	url: string;
	port: number;
	catalog: EmulatorModel[];
	faults: Faults;
	/**
	 * The firmware the emulator serves for a pair (the latest unless a version is given) under the
	 * current faults (corruptMember), made into the cache on first use.
	 */
	firmware(model: string, csc: string, version?: string): Promise<EmulatorFirmware>;
	expireAllLinks(): void;
	stats(): Record<string, number>;
	close(): Promise<void>;
};

const postRoutes = new Map<string, {protocol: ProtocolName; kind: 'nonce' | 'inform' | 'init' | 'history'}>([
	[classicVariant.paths.nonce, {protocol: 'classic', kind: 'nonce'}],
	[classicVariant.paths.inform, {protocol: 'classic', kind: 'inform'}],
	[classicVariant.paths.init, {protocol: 'classic', kind: 'init'}],
	[smartVariant.paths.nonce, {protocol: 'smart', kind: 'nonce'}],
	[smartVariant.paths.inform, {protocol: 'smart', kind: 'inform'}],
	[smartVariant.paths.init, {protocol: 'smart', kind: 'init'}],
	[smartHistoryPath, {protocol: 'smart', kind: 'history'}],
]);

const downloadRoutes = new Map<string, ProtocolName>([[classicVariant.paths.download, 'classic'], [smartVariant.paths.download, 'smart']]);

async function readBody(request: IncomingMessage, limit = 1024 * 1024): Promise<string> {
	let body = '';
	for await (const chunk of request) {
		body += String(chunk);
		if (body.length > limit) {
			throw new Error('request body too large');
		}
	}

	return body;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const faults: Faults = {...defaultFaults, ...options.faults};
	const now = options.now ?? Date.now;
	const size = options.firmwareSize ?? 256 * 1024;
	const cacheDir = options.cacheDir ?? defaultCacheDir();
	const sessions = new SessionStore();
	const made = new Map<string, Promise<EmulatorFirmware>>();
	const byName = new Map<string, FirmwareIdentity>();
	const buckets = new WeakMap<Socket, TokenBucket>();
	const counts: Record<string, number> = {};
	const firmwareFor = async (entry: EmulatorModel, csc: string, version: string) => {
		const {corruptMember} = faults;
		const key = `${entry.model}|${csc}|${version}|${corruptMember ?? ''}`;
		let firmware = made.get(key);
		if (!firmware) {
			// One making per build and variant, however many requests ask at once.
			firmware = makeFirmware(entry, csc, version, {size, cacheDir, corruptMember});
			made.set(key, firmware);
			firmware.catch(() => made.delete(key));
			const identity = firmwareIdentity(entry, csc, version);
			byName.set(identity.binaryName, identity);
		}

		return firmware;
	};

	/** The bandwidth cap for this request's connection, shared by the requests a kept-alive connection carries. */
	/** The per-connection bandwidth cap, if set: a waiter for each piece and pieces no bigger than its burst. */
	const paceFor = (request: IncomingMessage): StreamOptions => {
		const rate = faults.bandwidthPerConnection;
		if (!rate) {
			return {};
		}

		let bucket = buckets.get(request.socket);
		if (bucket) {
			bucket.rate = rate;
		} else {
			bucket = new TokenBucket(rate);
			buckets.set(request.socket, bucket);
		}

		const paced = bucket;
		return {
			maxPiece: Math.min(64 * 1024, Math.floor(paced.capacity)),
			async pace(bytes) {
				const wait = paced.take(bytes);
				if (wait > 0) {
					await sleep(wait);
				}
			},
		};
	};

	const context: HandlerContext = {faults, firmware: firmwareFor, byName, now};

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const url = new URL(request.url ?? '/', 'http://emulator');
		counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
		if (url.pathname === '/__emulator/faults' && request.method === 'POST') {
			try {
				applyFaultUpdate(faults, JSON.parse(await readBody(request)));
			} catch (error) {
				response.writeHead(400, {'content-type': 'application/json'}).end(JSON.stringify({error: (error as Error).message}));
				return;
			}

			response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(faults));
			return;
		}

		if (url.pathname === '/__emulator/stats') {
			response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(counts));
			return;
		}

		const limited = takeCounted(faults.rateLimit);
		if (limited) {
			response.writeHead(429, {'retry-after': String(limited.retryAfter)}).end();
			return;
		}

		const failing = takeCounted(faults.serverErrors);
		if (failing) {
			response.writeHead(failing.status).end('<html><body>Server Error</body></html>');
			return;
		}

		const versionMatch = /^\/firmware\/([^/]+)\/([^/]+)\/version\.xml$/.exec(url.pathname);
		if (versionMatch && request.method === 'GET') {
			const answer = versionXml(findEmulatorModel(decodeURIComponent(versionMatch[2]!)), decodeURIComponent(versionMatch[1]!));
			response.writeHead(answer.status, {'content-type': 'application/xml'}).end(answer.body);
			return;
		}

		const download = downloadRoutes.get(url.pathname);
		if (download && request.method === 'GET') {
			const session = sessions.authenticate(request, download);
			const file = url.searchParams.get('file') ?? '';
			const build = [...byName.values()].find(entry => entry.modelPath + entry.binaryName === file);
			const entry = build && findEmulatorModel(build.model);
			if (!build || !entry) {
				response.writeHead(session ? 404 : 401).end();
				return;
			}

			const expires = session?.authorised.get(build.binaryName);
			if (!session || expires === undefined || expires < now()) {
				response.writeHead(401).end();
				return;
			}

			const firmware = await firmwareFor(entry, build.csc, build.version);
			await sendFileRange(request, response, {path: firmware.encryptedPath, size: firmware.encryptedSize}, {
				...paceFor(request),
				resetAfterBytes: takeCounted(faults.resetAfterBytes)?.bytes,
			});
			return;
		}

		const route = postRoutes.get(url.pathname);
		if (!route || request.method !== 'POST') {
			response.writeHead(404).end();
			return;
		}

		const body = await readBody(request);
		if (route.kind === 'nonce') {
			const session = sessions.create(route.protocol);
			response.writeHead(200, {nonce: session.headerNonce, 'set-cookie': `JSESSIONID=${session.id}; Path=/; HttpOnly`}).end();
			return;
		}

		let put: Record<string, string> = {};
		try {
			put = parseFusRequest(body).put;
		} catch {
			// A malformed body is FUS status 400 (S01 under Smart), like missing fields.
		}

		const session = sessions.authenticate(request, route.protocol, route.kind === 'history' ? historySignatures(put['BINARY_MODEL_NAME']) : undefined);
		if (!session) {
			response.writeHead(200, {'content-type': 'application/xml'}).end('<FUSMsg><FUSHdr><ProtoVer>1.0</ProtoVer></FUSHdr><FUSBody><Results><Status>401</Status></Results></FUSBody></FUSMsg>');
			return;
		}

		const reply = route.kind === 'inform' ? await handleInform(session, put, context) : route.kind === 'init' ? handleInit(session, put, context) : handleHistory(put);
		// Rotate the nonce on every reply, so clients must adopt it.
		response.writeHead(200, {'content-type': 'application/xml', nonce: sessions.rotate(session)}).end(reply);
	};

	const server = createServer((request, response) => {
		handle(request, response).catch(() => {
			if (!response.headersSent) {
				response.writeHead(400).end();
			} else {
				response.destroy();
			}
		});
	});
	// A port in use must reject, not crash the process with an unhandled 'error' event.
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://${options.host ?? '127.0.0.1'}:${port}`,
		port,
		catalog: emulatorCatalog,
		faults,
		async firmware(model, csc, version) {
			const entry = findEmulatorModel(model);
			const chosen = version ?? entry?.builds[csc]?.[0];
			if (!entry || !chosen) {
				throw new Error(`the emulator has no firmware for ${model}/${csc}`);
			}

			return firmwareFor(entry, csc, chosen);
		},
		expireAllLinks: () => sessions.expireAll(),
		stats: () => ({...counts}),
		close: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}
