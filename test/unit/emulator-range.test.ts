/** HTTP Range parsing of the emulator's download endpoint and the size flags of `fusdeck emulator`. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseRange} from '../../source/emulator/range.js';
import {byteSizeOption, parseByteSize} from '../../source/commands/options.js';

test('ranges a-b, a- and -n become inclusive spans; past the end, reversed or malformed ones are invalid', () => {
	assert.equal(parseRange(undefined, 100), undefined);
	assert.deepEqual(parseRange('bytes=10-19', 100), {start: 10, end: 19});
	assert.deepEqual(parseRange('bytes=90-', 100), {start: 90, end: 99});
	assert.deepEqual(parseRange('bytes=95-500', 100), {start: 95, end: 99});
	assert.deepEqual(parseRange('bytes=-16', 100), {start: 84, end: 99});
	assert.deepEqual(parseRange('bytes=-500', 100), {start: 0, end: 99});
	for (const bad of ['bytes=100-', 'bytes=20-10', 'bytes=-0', 'bytes=-', 'items=0-1', 'bytes=0-1,5-6']) {
		assert.equal(parseRange(bad, 100), 'invalid', bad);
	}
});

test('sizes take K, M and G suffixes in binary units, and out-of-range or unreadable values are usage errors', () => {
	assert.equal(parseByteSize('512K'), 512 * 1024);
	assert.equal(parseByteSize('20M'), 20 * 1024 * 1024);
	assert.equal(parseByteSize('1.5g'), 1.5 * 1024 ** 3);
	assert.equal(parseByteSize('2GiB'), 2 * 1024 ** 3);
	assert.equal(parseByteSize('4096'), 4096);
	assert.equal(parseByteSize('ten'), undefined);
	assert.equal(byteSizeOption('bandwidth', undefined, undefined, 1024, 2 ** 40), undefined);
	assert.equal(byteSizeOption('firmware-size', '2G', 1, 1024, 8 * 1024 ** 3), 2 * 1024 ** 3);
	assert.throws(() => byteSizeOption('firmware-size', '9G', 1, 1024, 8 * 1024 ** 3), /--firmware-size takes a size/);
	assert.throws(() => byteSizeOption('bandwidth', '-3M', 1, 1024, 8 * 1024 ** 3), /--bandwidth/);
	// What the user typed is quoted with its control characters escaped (found by the CLI fuzzer).
	assert.throws(() => byteSizeOption('firmware-size', '\u001B[2J', 1, 1024, 8 * 1024 ** 3), (error: Error) => error.message.endsWith('not "\\u001b[2J"'));
});
