/** The per-connection bandwidth cap's token bucket, on a fake clock. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TokenBucket} from '../../source/emulator/token-bucket.js';

test('the bucket allows a short burst, then makes takers wait exactly what the rate implies', () => {
	let now = 0;
	const bucket = new TokenBucket(1_000_000, () => now);
	assert.equal(bucket.capacity, 50_000, 'a burst of 50 ms');
	assert.equal(bucket.take(50_000), 0);
	assert.equal(bucket.take(100_000), 100, '100 KB more at 1 MB/s is 100 ms');
	now += 100;
	assert.equal(bucket.take(10_000), 10, 'the debt was paid; 10 KB is 10 ms');
	now += 60_000;
	assert.equal(bucket.take(50_000), 0, 'idle time refills only up to the burst');
	assert.equal(bucket.take(1000), 1);
});

test('a new rate applies from the moment it is set', () => {
	let now = 0;
	const bucket = new TokenBucket(100_000, () => now);
	bucket.take(bucket.capacity);
	bucket.rate = 1_000_000;
	assert.equal(bucket.take(500_000), 500);
});
