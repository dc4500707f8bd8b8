/**
 * What the control-plane HTTP layer refuses: bodies far larger than any real reply (whether the
 * size is announced or not) and redirects, which must never be followed to another host.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {FusError, ProtocolError} from '../../source/core/errors.js';
import {FusClient} from '../../source/core/fus/client.js';
import {openDownload} from '../../source/core/fus/open-download.js';
import {httpCall} from '../../source/core/http.js';
import {fetchVersionInfo} from '../../source/core/versions/version-xml.js';
import {startMiniFus} from '../helpers/mini-fus-server.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

async function serve(handler: Handler): Promise<{url: string; hits: string[]; close(): Promise<void>}> {
	const hits: string[] = [];
	const server = createServer((request, response) => {
		hits.push(request.url ?? '');
		handler(request, response);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		hits,
		close: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

const fiftyMegabytes = 50 * 1024 * 1024;

/** Streams `total` bytes in 64 KiB chunks, honouring backpressure; records how much went out. */
function streamBytes(response: ServerResponse, total: number, sent: {bytes: number}) {
	const chunk = Buffer.alloc(64 * 1024, 0x41);
	const pump = () => {
		while (sent.bytes < total) {
			sent.bytes += chunk.length;
			if (!response.write(chunk)) {
				response.once('drain', pump);
				return;
			}
		}

		response.end();
	};

	response.on('error', () => undefined);
	pump();
}

const tooLarge = (error: unknown) => error instanceof ProtocolError && error.code === 'BAD_REPLY' && /larger than \d+ bytes/.test(error.message);

test('a 50 MB reply without a length is cut off at the cap, not read to the end', async t => {
	const sent = {bytes: 0};
	const server = await serve((_request, response) => {
		response.writeHead(200, {'content-type': 'application/xml'});
		streamBytes(response, fiftyMegabytes, sent);
	});
	t.after(async () => server.close());
	const before = process.memoryUsage().arrayBuffers;
	await assert.rejects(httpCall(`${server.url}/NF_SmartDownloadGenerateNonce.do`, {method: 'POST', stage: 'nonce', timeoutMs: 5000}), tooLarge);
	assert.ok(sent.bytes < fiftyMegabytes, `the server got to send all ${sent.bytes} bytes`);
	assert.ok(process.memoryUsage().arrayBuffers - before < 40 * 1024 * 1024, 'the body was not held in memory');
});

test('a reply announcing 50 MB is refused from its Content-Length before any body is read', async t => {
	// Headers only, no body: a client that waited for the body would time out instead.
	const server = await serve((_request, response) => {
		response.writeHead(200, {'content-type': 'application/xml', 'content-length': String(fiftyMegabytes)});
		response.flushHeaders();
	});
	t.after(async () => server.close());
	await assert.rejects(httpCall(`${server.url}/x`, {stage: 'version', timeoutMs: 2000}), tooLarge);
});

test('version.xml larger than 1 MiB is refused with BAD_REPLY', async t => {
	const sent = {bytes: 0};
	const server = await serve((_request, response) => {
		response.writeHead(200, {'content-type': 'text/xml'});
		streamBytes(response, 2 * 1024 * 1024, sent);
	});
	t.after(async () => server.close());
	await assert.rejects(fetchVersionInfo('SM-S918B', 'EUX', {fotaUrl: server.url, timeoutMs: 5000}), tooLarge);
});

const redirected = (status: number) => (error: unknown) => error instanceof FusError && error.code === 'HTTP_STATUS' && error.context.httpStatus === status && /redirect to 127\.0\.0\.1:\d+; fusdeck does not follow redirects/.test(error.message);

test('a 302 from the FUS host to another host is an error, and the other host is never contacted', async t => {
	const elsewhere = await serve((_request, response) => response.writeHead(200, {nonce: 'abc'}).end());
	const fus = await startMiniFus(Buffer.alloc(16), {}, {redirects: {'/NF_SmartDownloadGenerateNonce.do': `${elsewhere.url}/steal`}});
	t.after(async () => Promise.all([elsewhere.close(), fus.close()]));
	const client = new FusClient({endpoints: {fus: fus.url, download: fus.url, fota: fus.url}, protocol: 'smart', timeoutMs: 5000});
	await assert.rejects(client.history('SM-S918B', 'EUX'), redirected(302));
	assert.deepEqual(elsewhere.hits, []);
});

test('a 301 from the version.xml host is an error, and the other host is never contacted', async t => {
	const elsewhere = await serve((_request, response) => response.writeHead(200).end('<versioninfo/>'));
	const fota = await serve((_request, response) => response.writeHead(301, {location: `${elsewhere.url}/firmware/EUX/SM-S918B/version.xml`}).end());
	t.after(async () => Promise.all([elsewhere.close(), fota.close()]));
	await assert.rejects(fetchVersionInfo('SM-S918B', 'EUX', {fotaUrl: fota.url, timeoutMs: 5000}), redirected(301));
	assert.deepEqual(elsewhere.hits, []);
});

test('a 302 on a download range is refused: the Authorization header never goes to the other host', async t => {
	const elsewhere = await serve((_request, response) => response.writeHead(206).end('x'));
	const version = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';
	const reply = {BINARY_NAME: 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4', BINARY_BYTE_SIZE: '16', MODEL_PATH: '/neofus/9/', LOGIC_VALUE_FACTORY: 'aK3nQ9xZ2bW7cR5v', BINARY_SW_VERSION: version};
	const fus = await startMiniFus(Buffer.alloc(16), reply, {redirects: {'/NF_SmartDownloadBinaryForMass.do': `${elsewhere.url}/file`}});
	t.after(async () => Promise.all([elsewhere.close(), fus.close()]));
	const opened = await openDownload({model: 'SM-S918B', csc: 'EUX', version}, {endpoints: {fus: fus.url, download: fus.url, fota: fus.url}, protocol: 'smart', timeoutMs: 5000});
	await assert.rejects(opened.source.requestRange(0, 15), (error: unknown) => error instanceof FusError && error.context.httpStatus === 302 && error.context.stage === 'download');
	assert.deepEqual(elsewhere.hits, []);
});

test('the explainer says what a redirect means', async () => {
	const {explainError} = await import('../../source/core/explain/explain.js');
	const explanation = explainError(new FusError('HTTP_STATUS', 'x', {httpStatus: 302}));
	assert.equal(explanation.id, 'http-3xx');
	assert.match(explanation.cause, /captive portal/);
});
