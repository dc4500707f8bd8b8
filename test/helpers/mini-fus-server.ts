/**
 * A deliberately small FUS server for client tests until the full emulator lands: one Smart
 * session, signature checked against the current nonce, nonce rotated on every inform/init reply,
 * the cookie required, and a ranged download that answers 401 once authorisation is withdrawn.
 */
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {randomBytes} from 'node:crypto';
import {smartSignature} from '../../source/core/fus/crypto.js';
import {buildFusReply, parseFusRequest} from '../../source/core/fus/xml.js';

export type MiniFus = {url: string; close(): Promise<void>; log: string[]; revoke(): void; file: Buffer};

const nonceOf = () => randomBytes(8).toString('hex');

/** `redirects` maps a path to the Location it answers with 302 instead of serving it. */
export async function startMiniFus(file: Buffer, reply: Record<string, string>, options: {redirects?: Record<string, string>} = {}): Promise<MiniFus> {
	let nonce = '';
	let authorised = false;
	const cookie = 'JSESSIONID=abc123';
	const log: string[] = [];
	const authOk = (request: IncomingMessage) => {
		const header = request.headers.authorization ?? '';
		const match = /nonce="([^"]*)", signature="([^"]*)"/.exec(header);
		return request.headers.cookie === cookie && request.headers['user-agent'] === 'SMART 2.0' && match?.[1] === nonce && match[2] === smartSignature(nonce);
	};

	const server: Server = createServer(async (request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		let body = '';
		for await (const chunk of request) {
			body += String(chunk);
		}

		log.push(path);
		const redirect = options.redirects?.[path];
		if (redirect) {
			response.writeHead(302, {location: redirect, nonce: nonceOf()}).end();
			return;
		}

		if (path === '/NF_SmartDownloadGenerateNonce.do') {
			nonce = nonceOf();
			response.writeHead(200, {nonce, 'set-cookie': `${cookie}; Path=/`}).end();
			return;
		}

		if (path === '/NF_SmartDownloadBinaryForMass.do') {
			if (!authOk(request) || !authorised) {
				response.writeHead(401).end();
				return;
			}

			const [, from, to] = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '') ?? [];
			const start = Number(from);
			const end = Math.min(Number(to), file.length - 1);
			response.writeHead(206, {'content-range': `bytes ${start}-${end}/${file.length}`, 'content-length': end - start + 1}).end(file.subarray(start, end + 1));
			return;
		}

		if (!authOk(request)) {
			response.writeHead(200).end(buildFusReply({status: '401'}));
			return;
		}

		const fields = parseFusRequest(body).put;
		nonce = nonceOf();
		if (path === '/NF_SmartDownloadBinaryInform.do') {
			const ok = fields['BINARY_MODEL_NAME'] === 'SM-S918B' && !('DEVICE_IMEI_PUSH' in fields);
			response.writeHead(200, {nonce}).end(buildFusReply(ok ? {status: 'S00', put: reply} : {status: 'S01'}));
			return;
		}

		if (path === '/NF_SmartDownloadBinaryInitForMass.do') {
			authorised = fields['BINARY_NAME'] === reply['BINARY_NAME'];
			response.writeHead(200, {nonce}).end(buildFusReply({status: authorised ? 'S00' : 'S01'}));
			return;
		}

		response.writeHead(404).end();
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		log,
		file,
		revoke: () => {
			authorised = false;
		},
		close: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}
