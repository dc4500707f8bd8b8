import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Writeback, type Syncable} from '../../source/core/transfer/writeback.js';

/** A file whose datasync finishes when the test says so. */
function heldFile(): Syncable & {calls: number; finish(error?: Error): void} {
	const waiting: Array<(error?: Error) => void> = [];
	return {
		calls: 0,
		async datasync() {
			this.calls++;
			return new Promise<void>((resolve, reject) => {
				waiting.push(error => error ? reject(error) : resolve());
			});
		},
		finish(error?: Error) {
			for (const settle of waiting.splice(0)) {
				settle(error);
			}
		},
	};
}

test('a datasync starts once a step of bytes was written, and never two at once', async () => {
	const file = heldFile();
	const writeback = new Writeback(() => [file], 100);
	writeback.written(60);
	assert.equal(file.calls, 0);
	writeback.written(60);
	assert.equal(file.calls, 1);
	writeback.written(500);
	assert.equal(file.calls, 1, 'one datasync in flight at a time');
	file.finish();
	await new Promise(resolve => setImmediate(resolve));
	writeback.written(100);
	assert.equal(file.calls, 2);
	file.finish();
});

test('settle waits for the datasync in flight and flushes the rest of every file', async () => {
	const part = heldFile();
	const encrypted = heldFile();
	const writeback = new Writeback(() => [part, encrypted], 100);
	writeback.written(100);
	let settled = false;
	const settling = writeback.settle().then(() => {
		settled = true;
	});
	await new Promise(resolve => setImmediate(resolve));
	assert.equal(settled, false);
	part.finish();
	encrypted.finish();
	await new Promise(resolve => setImmediate(resolve));
	assert.deepEqual([part.calls, encrypted.calls], [2, 2], 'a final datasync after the background one');
	part.finish();
	encrypted.finish();
	await settling;
	assert.equal(settled, true);
});

test('a failed background datasync is reported by settle, though the final one succeeds', async () => {
	// The kernel reports a writeback error once per open file: whoever syncs first hears it.
	const file = heldFile();
	const writeback = new Writeback(() => [file], 10);
	writeback.written(10);
	file.finish(Object.assign(new Error('EIO: i/o error'), {code: 'EIO'}));
	await new Promise(resolve => setImmediate(resolve));
	const settling = writeback.settle();
	await new Promise(resolve => setImmediate(resolve));
	file.finish();
	await assert.rejects(settling, /EIO/);
});

test('drain waits for the datasync in flight and reports nothing', async () => {
	const file = heldFile();
	const writeback = new Writeback(() => [file], 10);
	writeback.written(10);
	let drained = false;
	const draining = writeback.drain().then(() => {
		drained = true;
	});
	await new Promise(resolve => setImmediate(resolve));
	assert.equal(drained, false);
	file.finish(new Error('EIO'));
	await draining;
	assert.equal(file.calls, 1);
});
