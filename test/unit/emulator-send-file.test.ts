/** The emulator's pooled file sender: exact slices across piece boundaries, and no hang when the client leaves. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, get, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {streamFileRange} from '../../source/emulator/send-file.js';

async function withServer(handler: (response: ServerResponse) => Promise<void>, body: (url: string) => Promise<void>): Promise<void> {
	const server = createServer((_request, response) => {
		void handler(response);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	try {
		await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
	} finally {
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
}

test('a range spanning several 1 MiB pieces arrives byte for byte, paced piece by piece when asked', async t => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-send-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	const content = randomBytes(3 * 1024 * 1024 + 123);
	const path = join(dir, 'file.bin');
	await writeFile(path, content);
	const start = 1024 * 1024 - 7;
	const end = content.length - 5;
	const paced: number[] = [];
	let result: boolean | undefined;
	let sent: Promise<boolean> | undefined;
	await withServer(async response => {
		response.writeHead(200, {'content-length': String(end - start + 1)});
		sent = streamFileRange(path, start, end, response, {maxPiece: 256 * 1024, async pace(bytes) {
			paced.push(bytes);
		}});
		await sent;
		response.end();
	}, async url => {
		const chunks: Buffer[] = [];
		await new Promise<void>((resolve, reject) => {
			get(url, response => {
				response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', resolve).on('error', reject);
			}).on('error', reject);
		});
		assert.deepEqual(Buffer.concat(chunks), content.subarray(start, end + 1));
		// The client has every byte (Content-Length) possibly before the sender's last write callback:
		// wait for the sender while the connection is still open.
		result = await sent;
	});
	assert.equal(result, true);
	assert.equal(paced.reduce((sum, bytes) => sum + bytes, 0), end - start + 1);
	assert.ok(paced.every(bytes => bytes <= 256 * 1024), 'no piece is larger than maxPiece');
});

test('a client that leaves mid-body ends the stream (false) instead of leaving it waiting for a buffer', {timeout: 10_000}, async t => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-send-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	const path = join(dir, 'file.bin');
	await writeFile(path, randomBytes(64 * 1024 * 1024));
	let finished: Promise<boolean> | undefined;
	await withServer(async response => {
		response.writeHead(200, {'content-length': String(64 * 1024 * 1024)});
		finished = streamFileRange(path, 0, 64 * 1024 * 1024 - 1, response);
		await finished.catch(() => false);
	}, async url => {
		await new Promise<void>((resolve, reject) => {
			const request = get(url, response => {
				// Read one chunk and stop reading: the server's buffers fill, then the client goes.
				response.once('data', () => {
					response.pause();
					setTimeout(() => {
						request.destroy();
						resolve();
					}, 100);
				});
			}).on('error', () => {
				// The destroy above.
			});
			request.on('error', reject);
		});
		assert.equal(await finished, false);
	});
});

test('a file shorter than the range is an error, not a short body presented as complete', async t => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-send-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	const path = join(dir, 'file.bin');
	await writeFile(path, randomBytes(1000));
	let outcome: unknown;
	await withServer(async response => {
		response.writeHead(200, {'content-length': '2000'});
		outcome = await streamFileRange(path, 0, 1999, response).catch((error: unknown) => error);
		response.destroy();
	}, async url => {
		await new Promise<void>(resolve => {
			get(url, response => {
				response.resume().on('close', resolve).on('error', resolve);
			}).on('error', () => resolve());
		});
	});
	assert.match(String(outcome), /ended at 1000, before the 2000 bytes/);
});
