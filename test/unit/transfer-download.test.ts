import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile, rm} from 'node:fs/promises';
import {FusError} from '../../source/core/errors.js';
import {writeAtSync, type WriteAt} from '../../source/core/transfer/connection.js';
import {join} from 'node:path';
import {sha256File, waitFor, withHarness} from '../helpers/transfer-harness.js';

const finalName = 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip';

test('a clean download over 4 connections yields the zip and nothing else', async () => withHarness(async h => {
	const seen: number[] = [];
	const result = await h.download({onProgress: p => seen.push(p.bytesDone)});
	assert.equal(await sha256File(result.path), h.firmware.sha256);
	assert.equal(result.bytes, h.firmware.zip.length);
	assert.deepEqual(result.members.map(m => m.name), ['AP_S918BXXS8DYK1_CL1_FACTORY.tar.md5', 'CSC_OXM_S918BOXM8DYK1.tar.md5']);
	assert.deepEqual(await h.files(), [finalName]);
	assert.ok(new Set(h.server.log.map(r => r.start)).size > 4, 'many ranges requested');
	assert.equal(seen.at(-1), h.firmware.remote.size);
	assert.equal(result.verifiedEarly, false, 'a deflated member sends verification to the full pass after the download');
}));

test('a piece split while its request is in flight takes the reply as asked, with no retry', async () => withHarness(async h => {
	// One piece for the whole file: the second connection splits it before the first one's reply
	// arrives, and that reply (rightly) covers the range asked for, past the piece's new end.
	const result = await h.download({connections: 2, maxLeaseBytes: 64 << 20});
	assert.equal(result.retries, 0);
	assert.ok(h.server.log.every(r => r.status === 206), h.server.log.map(r => r.status).join(' '));
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

for (const fraction of [0.1, 0.5, 0.9]) {
	test(`an abort at ${fraction * 100}% leaves .part and sidecar; the resume yields identical bytes without refetching`, async () => withHarness(async h => {
		const size = h.firmware.remote.size;
		h.server.faults.holdAfterBytes = Math.floor(size * fraction);
		const controller = new AbortController();
		const first = h.download({signal: controller.signal});
		await h.server.held;
		controller.abort();
		await assert.rejects(first, {code: 'CANCELLED'});
		assert.deepEqual(await h.files(), [`${finalName}.part`, `${finalName}.part.json`]);
		const saved = JSON.parse(await readFile(join(h.dir, `${finalName}.part.json`), 'utf8')) as {done: Array<{start: number; end: number}>};
		const savedBytes = saved.done.reduce((sum, r) => sum + r.end - r.start, 0);
		assert.ok(savedBytes > 0 && savedBytes <= h.server.bytesSent, `saved ${savedBytes}`);

		await waitFor(() => h.server.openResponses === 0, 'the aborted connections to close');
		h.server.release();
		const sentBefore = h.server.bytesSent;
		const result = await h.download();
		assert.equal(result.resumedBytes, savedBytes);
		assert.equal(h.server.bytesSent - sentBefore, size - savedBytes, 'only the missing bytes are fetched again');
		assert.equal(await sha256File(result.path), h.firmware.sha256);
		assert.deepEqual(await h.files(), [finalName]);
	}));
}

test('an expired link is renewed once for all connections and the download goes on', async () => withHarness(async h => {
	h.server.expire();
	const result = await h.download();
	assert.equal(h.source.renewCalls, 1);
	assert.equal(result.renewals, 1);
	assert.ok(h.server.log.filter(r => r.status === 401).length >= 4, 'every connection saw the 401');
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

test('an expiry in the middle of the download is renewed once and resumes at the same offsets', async () => withHarness(async h => {
	h.server.faults.holdAfterBytes = 1 << 20;
	const running = h.download();
	await h.server.held;
	h.server.expire();
	h.server.release();
	const result = await running;
	assert.equal(h.source.renewCalls, 1);
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

test('a renewal that FUS rate-limits (429) waits its Retry-After and renews again; a refused renewal stops the job', async () => withHarness(async h => {
	h.server.expire();
	const renew = h.source.renew.bind(h.source);
	let refusals = 1;
	h.source.renew = async () => {
		if (refusals-- > 0) {
			h.source.renewCalls++;
			throw new FusError('RATE_LIMITED', 'The server is rate-limiting us (HTTP 429)', {stage: 'init', httpStatus: 429, retryAfter: 7});
		}

		return renew();
	};

	const result = await h.download();
	assert.equal(h.source.renewCalls, 2, 'one refused renewal, one that worked');
	assert.ok(h.clock.sleeps.includes(7000), `waited the 7 s FUS asked for (sleeps: ${h.clock.sleeps.join(', ')})`);
	assert.equal(await sha256File(result.path), h.firmware.sha256);

	await rm(result.path);
	h.server.expire();
	h.source.renew = async () => {
		throw new FusError('FUS_STATUS', 'FUS refused the request with status 408', {stage: 'inform', fusStatus: '408'});
	};

	await assert.rejects(h.download(), {code: 'FUS_STATUS'});
}));

test('a 401 that persists after renewal stops with LINK_EXPIRED', async () => withHarness(async h => {
	h.source.renew = async () => {
		h.source.renewCalls++; // renews nothing: the server keeps refusing
	};

	h.server.expire();
	await assert.rejects(h.download(), {code: 'LINK_EXPIRED'});
	assert.equal(h.source.renewCalls, 1);
}));

test('429 holds every connection for the Retry-After the server gave', async () => withHarness(async h => {
	h.server.faults.rateLimit = {count: 2, retryAfter: '7'};
	const result = await h.download();
	assert.ok(h.clock.sleeps.includes(7000), `sleeps: ${h.clock.sleeps.join(',')}`);
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

test('a 429 with an HTTP-date Retry-After waits until that date', async () => withHarness(async h => {
	h.server.faults.rateLimit = {count: 1, retryAfter: new Date(h.clock.now() + 42_000).toUTCString()};
	await h.download({connections: 1});
	assert.deepEqual(h.clock.sleeps, [42_000]);
}));

test('5xx bursts and connection resets are retried with growing backoff', async () => withHarness(async h => {
	h.server.faults.serverErrors = 3;
	h.server.faults.reset = {count: 3, afterBytes: 100_000};
	const result = await h.download({connections: 1});
	assert.equal(await sha256File(result.path), h.firmware.sha256);
	assert.ok(result.retries >= 6, `retries ${result.retries}`);
	// Equal jitter at random 0.5: 0.75 × 500 ms × 2^(attempt-1) for three failures in a row.
	assert.deepEqual(h.clock.sleeps.slice(0, 3), [375, 750, 1500]);
}));

test('a 200 to a ranged request and a wrong Content-Range are retried, not written', async () => withHarness(async h => {
	h.server.faults.ignoreRange = 2;
	h.server.faults.wrongRange = 2;
	const result = await h.download();
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

test('endless 5xx gives up with SERVER_ERROR and keeps a resumable state', async () => withHarness(async h => {
	h.server.faults.serverErrors = 1000;
	await assert.rejects(h.download({retry: {maxAttempts: 3, random: () => 0.5}}), (error: {code: string; message: string}) => error.code === 'SERVER_ERROR' && /after 3 attempts/.test(error.message));
	assert.deepEqual(await h.files(), [`${finalName}.part`, `${finalName}.part.json`]);
}));

test('the total retry wait is bounded', async () => withHarness(async h => {
	h.server.faults.rateLimit = {count: 1000, retryAfter: '600'};
	await assert.rejects(h.download({retry: {maxTotalWaitMs: 60_000}}), (error: {code: string; message: string}) => error.code === 'RATE_LIMITED' && /in total/.test(error.message));
}));

test('a 404 stops at once with HTTP_STATUS', async () => withHarness(async h => {
	h.server.faults.notFound = true;
	await assert.rejects(h.download(), (error: {code: string; context: {httpStatus?: number}}) => error.code === 'HTTP_STATUS' && error.context.httpStatus === 404);
	assert.equal(h.server.log.length <= 4, true);
}));

test('a stalled connection is abandoned and its work finished', async () => withHarness(async h => {
	h.server.faults.stall = 1;
	const result = await h.download({stallTimeoutMs: 150});
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

test('a wrong CRC fails with CRC_MISMATCH, keeps the bytes as .failed and writes no final file', async () => withHarness(async h => {
	const remote = {...h.firmware.remote, crc32: (h.firmware.remote.crc32! + 1) >>> 0};
	await assert.rejects(h.download({remote}), (error: {code: string; message: string}) => error.code === 'CRC_MISMATCH' && /\.failed/.test(error.message) && /download again/.test(error.message));
	assert.deepEqual(await h.files(), [`${finalName}.failed`]);
}));

test('a corrupt tar.md5 member fails with MD5_MISMATCH naming it, and no final file', async () => withHarness(async h => {
	await assert.rejects(h.download(), (error: {code: string; message: string}) => error.code === 'MD5_MISMATCH' && error.message.includes('AP_S918BXXS8DYK1_CL1_FACTORY.tar.md5'));
	assert.deepEqual(await h.files(), [`${finalName}.failed`]);
}, {corruptMember: true}));

test('a wrong key is reported as BAD_PADDING', async () => withHarness(async h => {
	const remote = {...h.firmware.remote, key: Buffer.alloc(16, 1)};
	await assert.rejects(h.download({remote}), {code: 'BAD_PADDING'});
	assert.deepEqual(await h.files(), [`${finalName}.failed`]);
}));

test('--keep-encrypted also keeps the encrypted bytes under BINARY_NAME', async () => withHarness(async h => {
	const result = await h.download({keepEncrypted: true});
	assert.ok(result.encryptedPath);
	assert.deepEqual(await readFile(result.encryptedPath), h.firmware.encrypted);
	assert.deepEqual(await h.files(), [finalName, h.firmware.remote.binaryName]);
}));

test('an unsafe BINARY_NAME is refused before anything is written', async () => withHarness(async h => {
	for (const binaryName of ['../escape.zip.enc4', 'sub/dir.zip.enc4', '/abs.zip.enc4']) {
		await assert.rejects(h.download({remote: {...h.firmware.remote, binaryName}}), {code: 'UNSAFE_NAME'});
	}

	assert.deepEqual(await h.files(), []);
	assert.equal(h.server.log.length, 0);
}));

test('too little free space is refused before the download starts', async () => withHarness(async h => {
	await assert.rejects(h.download({freeSpace: async () => 1000}), (error: {code: string; message: string}) => error.code === 'DISK_FULL' && /free/.test(error.message));
	assert.equal(h.server.log.length, 0);
}));

test('a sidecar for another version is ignored and the download starts clean', async () => withHarness(async h => {
	h.server.faults.holdAfterBytes = 1 << 20;
	const controller = new AbortController();
	const first = h.download({signal: controller.signal});
	await h.server.held;
	controller.abort();
	await assert.rejects(first);
	h.server.release();
	const result = await h.download({remote: {...h.firmware.remote, version: 'OTHER/OTHER/OTHER/OTHER'}});
	assert.equal(result.resumedBytes, 0);
	assert.equal(await sha256File(result.path), h.firmware.sha256);
}));

test('ENOSPC in the middle stops the job with DISK_FULL, keeps .part and sidecar, and a later run resumes to identical bytes', async () => withHarness(async h => {
	const size = h.firmware.remote.size;
	let written = 0;
	// A file system that fills up after 40% of the file: every write past that fails like a full disk.
	const fillingUp: WriteAt = (fd, pieces, position) => {
		const length = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
		if (written + length > size * 0.4) {
			throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
		}

		written += length;
		return writeAtSync(fd, pieces, position);
	};

	await assert.rejects(h.download({writeAt: fillingUp}), (error: {code: string; message: string}) => error.code === 'DISK_FULL' && /resumes where it stopped/.test(error.message));
	assert.deepEqual(await h.files(), [`${finalName}.part`, `${finalName}.part.json`]);
	const saved = JSON.parse(await readFile(join(h.dir, `${finalName}.part.json`), 'utf8')) as {done: Array<{start: number; end: number}>};
	const savedBytes = saved.done.reduce((sum, r) => sum + r.end - r.start, 0);
	assert.ok(savedBytes > 0 && savedBytes <= size * 0.4, `the checkpoint holds what was written (${savedBytes})`);

	await waitFor(() => h.server.openResponses === 0, 'the stopped connections to close');
	const result = await h.download();
	assert.equal(result.resumedBytes, savedBytes);
	assert.equal(await sha256File(result.path), h.firmware.sha256);
	assert.deepEqual(await h.files(), [finalName]);
}));
