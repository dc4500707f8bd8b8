import {test} from 'node:test';
import assert from 'node:assert/strict';
import {FusError, UsageError} from '../../source/core/errors.js';
import {retryTransient} from '../../source/core/retry-transient.js';

const serverError = () => new FusError('SERVER_ERROR', 'HTTP 503', {stage: 'version', httpStatus: 503});

test('retryTransient: tries again after a transient failure, honouring Retry-After, and stops after the attempts', async () => {
	const waits: number[] = [];
	const sleep = async (ms: number) => {
		waits.push(ms);
	};

	let calls = 0;
	const value = await retryTransient(async () => {
		calls++;
		if (calls === 1) throw new FusError('RATE_LIMITED', 'HTTP 429', {stage: 'version', httpStatus: 429, retryAfter: 7});
		if (calls === 2) throw serverError();
		return 'ok';
	}, {sleep, random: () => 0});
	assert.equal(value, 'ok');
	assert.deepEqual(waits, [7000, 500]);

	calls = 0;
	await assert.rejects(retryTransient(async () => {
		calls++;
		throw serverError();
	}, {sleep, attempts: 3}), {code: 'SERVER_ERROR'});
	assert.equal(calls, 3);
});

test('retryTransient: a lasting refusal, a usage error or a Retry-After beyond the limit is thrown at once', async () => {
	const sleep = async () => assert.fail('no wait');
	for (const error of [new FusError('NO_FIRMWARE', 'none', {stage: 'version'}), new UsageError('bad'), new FusError('RATE_LIMITED', 'HTTP 429', {stage: 'inform', retryAfter: 3600})]) {
		let calls = 0;
		await assert.rejects(retryTransient(async () => {
			calls++;
			throw error;
		}, {sleep}), error);
		assert.equal(calls, 1);
	}
});
