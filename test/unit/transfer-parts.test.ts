import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Readable} from 'node:stream';
import {WorkPool} from '../../source/core/transfer/work-pool.js';
import {backoffDelay, parseRetryAfter} from '../../source/core/transfer/retry-policy.js';
import {checkRangeResponse} from '../../source/core/transfer/response-check.js';
import {encryptedNameFor, finalNameFor, pathInside, safeFileName} from '../../source/core/transfer/safe-name.js';
import {TransferStatistics} from '../../source/core/transfer/transfer-statistics.js';
import {FakeClock} from '../helpers/fake-clock.js';

test('the work pool hands out pieces no larger than the cap, aligned to 16', () => {
	const pool = new WorkPool([{start: 0, end: 1000 * 16}], {maxLeaseBytes: 4000, minSplitBytes: 16});
	const leases = [];
	for (let lease = pool.take(); lease && leases.length < 10; lease = pool.take()) {
		leases.push(lease);
		lease.pos = lease.end;
	}

	assert.ok(leases.length >= 4);
	for (const lease of leases) {
		assert.equal(lease.start % 16, 0);
		assert.ok(lease.end - lease.start <= 4000);
	}
});

test('an idle connection steals the far half of the largest running piece', () => {
	const pool = new WorkPool([{start: 0, end: 1 << 20}], {maxLeaseBytes: 1 << 20, minSplitBytes: 1024});
	const slow = pool.take()!;
	slow.pos = 1600;
	const thief = pool.take()!;
	assert.equal(thief.end, 1 << 20);
	assert.equal(slow.end, thief.start);
	assert.equal(thief.start % 16, 0);
	assert.ok(thief.start > 1600 && thief.start < (1 << 20));
});

test('a piece is not split inside written bytes, nor when its rest is too small', () => {
	const pool = new WorkPool([{start: 0, end: 4096}], {maxLeaseBytes: 4096, minSplitBytes: 1024});
	const lease = pool.take()!;
	lease.pos = 3000;
	assert.equal(pool.take(), undefined);
});

test('a released piece returns its unwritten rest to the pool', () => {
	const pool = new WorkPool([{start: 0, end: 4096}], {maxLeaseBytes: 4096, minSplitBytes: 4096});
	const lease = pool.take()!;
	lease.pos = 1024;
	pool.release(lease);
	const next = pool.take()!;
	assert.deepEqual([next.start, next.end], [1024, 4096]);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);
	assert.equal(parseRetryAfter('7', now), 7000);
	assert.equal(parseRetryAfter(new Date(now + 30_000).toUTCString(), now), 30_000);
	assert.equal(parseRetryAfter(new Date(now - 30_000).toUTCString(), now), 0);
	assert.equal(parseRetryAfter('soon', now), undefined);
	assert.equal(parseRetryAfter(undefined, now), undefined);
});

test('backoff doubles per attempt within jittered bounds and stops at the cap', () => {
	const options = {baseDelayMs: 100, maxDelayMs: 1000};
	assert.equal(backoffDelay(1, {...options, random: () => 0}), 50);
	assert.equal(backoffDelay(1, {...options, random: () => 0.999_999}), 100);
	assert.equal(backoffDelay(3, {...options, random: () => 0}), 200);
	assert.equal(backoffDelay(20, {...options, random: () => 0.999_999}), 1000);
});

const reply = (statusCode: number, headers: Record<string, string> = {}) => ({statusCode, headers, body: Readable.from([])});

test('a 206 is data only when Content-Range and Content-Length match the request', () => {
	assert.deepEqual(checkRangeResponse(reply(206, {'content-range': 'bytes 32-63/128', 'content-length': '32'}), 32, 63, 128), {kind: 'data', start: 32, end: 63});
	assert.equal(checkRangeResponse(reply(206, {'content-range': 'bytes 48-63/128'}), 32, 63, 128).kind, 'retry');
	assert.equal(checkRangeResponse(reply(206, {'content-range': 'bytes 32-63/128', 'content-length': '10'}), 32, 63, 128).kind, 'retry');
	assert.equal(checkRangeResponse(reply(206, {}), 32, 63, 128).kind, 'retry');
	const wrongSize = checkRangeResponse(reply(206, {'content-range': 'bytes 32-63/256'}), 32, 63, 128);
	assert.equal(wrongSize.kind === 'fatal' && wrongSize.error.code, 'SIZE_MISMATCH');
});

test('a 200 is accepted only for a request of the whole file', () => {
	assert.equal(checkRangeResponse(reply(200, {'content-length': '128'}), 0, 127, 128).kind, 'data');
	assert.equal(checkRangeResponse(reply(200, {'content-length': '128'}), 32, 127, 128).kind, 'retry');
});

test('statuses map to renew, retry or stop', () => {
	assert.equal(checkRangeResponse(reply(401), 0, 15, 16).kind, 'renew');
	const limited = checkRangeResponse(reply(429, {'retry-after': '3'}), 0, 15, 16);
	assert.ok(limited.kind === 'retry' && limited.error.code === 'RATE_LIMITED' && limited.retryAfter === '3');
	assert.equal(checkRangeResponse(reply(503), 0, 15, 16).kind, 'retry');
	const missing = checkRangeResponse(reply(404), 0, 15, 16);
	assert.ok(missing.kind === 'fatal' && missing.error.code === 'HTTP_STATUS');
	assert.equal(checkRangeResponse(reply(416, {'content-range': 'bytes */16'}), 16, 31, 32).kind, 'fatal');
});

test('safe names: plain firmware names pass, anything path-like is refused', () => {
	const name = 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4';
	assert.equal(safeFileName(name), name);
	assert.equal(finalNameFor(name), 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip');
	assert.equal(finalNameFor('X.zip.enc2'), 'X.zip');
	assert.equal(encryptedNameFor('X.zip'), 'X.zip.enc');
	for (const bad of ['', '../evil.zip', 'a/b.zip', 'a\\b.zip', '/etc/passwd', 'C:evil', 'x..zip', '..', 'evil\n.zip', 'nul\u0000.zip', 'CON', 'trailing.', 'x'.repeat(201)]) {
		assert.throws(() => safeFileName(bad), (error: {code?: string}) => error.code === 'UNSAFE_NAME', bad);
	}

	assert.match(pathInside('/tmp/dl', 'a.zip'), /\/tmp\/dl\/a\.zip$/);
});

test('speed is measured over the last 10 seconds and the ETA is clamped', () => {
	const clock = new FakeClock();
	const stats = new TransferStatistics(clock, 1000_000_000);
	clock.time += 1000;
	stats.add(10_000_000);
	clock.time += 1000;
	assert.equal(stats.snapshot().bytesPerSecond, 5_000_000);
	clock.time += 20_000;
	const idle = stats.snapshot();
	assert.equal(idle.bytesPerSecond, 0);
	assert.equal(idle.etaSeconds, undefined);
	stats.add(1);
	clock.time += 5000;
	assert.equal(stats.snapshot().etaSeconds, 99 * 3600);
});
