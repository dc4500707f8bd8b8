import {test} from 'node:test';
import assert from 'node:assert/strict';
import {latestAcross} from '../../source/core/versions/latest-across.js';
import {AdaptiveLimiter} from '../../source/core/limiter.js';
import {FusError} from '../../source/core/errors.js';
import type {VersionInfo} from '../../source/core/versions/version-xml.js';

const info = (csc: string, latest?: string): VersionInfo => ({model: 'SM-S918B', csc, latest, upgrades: []});

test('never runs more than the limit at once, and every CSC gets a result', async () => {
	let running = 0;
	let peak = 0;
	const cscs = Array.from({length: 20}, (_, i) => `C${String(i).padStart(2, '0')}`);
	const results = await latestAcross('SM-S918B', cscs, {
		concurrency: 3,
		async fetch(_model, csc) {
			running++;
			peak = Math.max(peak, running);
			await new Promise(resolve => setImmediate(resolve));
			running--;
			return info(csc, `${csc}/x/y/z`);
		},
	});
	assert.equal(peak, 3);
	assert.deepEqual(results.map(r => r.csc), cscs);
	assert.ok(results.every(r => r.state === 'ok'));
});

test('429 halves the limit and waits Retry-After; unknown pairs, empty latest and hard failures are told apart', async () => {
	const waits: number[] = [];
	let rateLimited = 0;
	const results = await latestAcross('SM-S918B', ['EUX', 'XXX', 'NON', 'BAD', 'SLO'], {
		concurrency: 4,
		sleep: async ms => {
			waits.push(ms);
		},
		async fetch(_model, csc) {
			if (csc === 'XXX') {
				throw new FusError('UNKNOWN_PAIR', 'unknown', {httpStatus: 403});
			}

			if (csc === 'BAD') {
				throw new FusError('BAD_REPLY', 'garbled');
			}

			if (csc === 'SLO' && rateLimited++ < 2) {
				throw new FusError('RATE_LIMITED', 'slow down', {httpStatus: 429, retryAfter: 7});
			}

			return info(csc, csc === 'NON' ? undefined : 'A/B/C/D');
		},
	});
	assert.deepEqual(results.map(r => [r.csc, r.state]), [['EUX', 'ok'], ['XXX', 'unknown'], ['NON', 'none'], ['BAD', 'failed'], ['SLO', 'ok']]);
	assert.deepEqual(waits, [7000, 7000]);
});

test('a transient failure that persists ends as failed after the attempts', async () => {
	let calls = 0;
	const [result] = await latestAcross('SM-S918B', ['EUX'], {
		attempts: 3,
		sleep: async () => {},
		async fetch() {
			calls++;
			throw new FusError('SERVER_ERROR', 'down', {httpStatus: 503});
		},
	});
	assert.equal(result?.state, 'failed');
	assert.equal(result?.error?.code, 'SERVER_ERROR');
	assert.equal(calls, 3);
});

test('the limiter shrinks to at least 1 and grows back to its maximum', () => {
	const limiter = new AdaptiveLimiter(4);
	limiter.shrink();
	assert.equal(limiter.limit, 2);
	limiter.shrink();
	limiter.shrink();
	assert.equal(limiter.limit, 1);
	for (let i = 0; i < 10; i++) {
		limiter.grow();
	}

	assert.equal(limiter.limit, 4);
});
