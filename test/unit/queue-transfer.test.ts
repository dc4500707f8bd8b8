import {test} from 'node:test';
import assert from 'node:assert/strict';
import {DownloadQueue} from '../../source/core/queue/download-queue.js';
import type {JobState} from '../../source/core/queue/types.js';
import {sha256File, waitFor, withHarness, type Harness} from '../helpers/transfer-harness.js';

const finalName = 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip';

function queueOn(h: Harness): DownloadQueue {
	return new DownloadQueue({prepare: async () => ({remote: h.firmware.remote, source: h.source}), destDir: h.dir, clock: h.clock});
}

async function untilState(queue: DownloadQueue, id: string, state: JobState): Promise<void> {
	await new Promise<void>(resolve => {
		const check = () => {
			if (queue.snapshot().jobs.find(job => job.id === id)?.state === state) {
				queue.off('change', check);
				resolve();
			}
		};

		queue.on('change', check);
		check();
	});
}

test('pause keeps only .part and its sidecar; resume finishes with the zip alone', async () => withHarness(async h => {
	h.server.faults.holdAfterBytes = 1 << 20;
	const queue = queueOn(h);
	const job = queue.add({model: 'SM-S918B', csc: 'EUX'});
	await h.server.held;
	await queue.pause(job.id);
	assert.equal(queue.snapshot().jobs[0]!.state, 'paused');
	assert.deepEqual(await h.files(), [`${finalName}.part`, `${finalName}.part.json`]);

	await waitFor(() => h.server.openResponses === 0, 'paused connections to close');
	h.server.release();
	await queue.resume(job.id);
	await untilState(queue, job.id, 'done');
	const done = queue.snapshot().jobs[0]!;
	assert.equal(done.bytesDone, h.firmware.remote.size);
	assert.equal(done.path && await sha256File(done.path), h.firmware.sha256);
	assert.deepEqual(await h.files(), [finalName]);
	await queue.close();
}));

test('cancel removes the .part and the sidecar', async () => withHarness(async h => {
	h.server.faults.holdAfterBytes = 1 << 20;
	const queue = queueOn(h);
	const job = queue.add({model: 'SM-S918B', csc: 'EUX', keepEncrypted: true});
	await h.server.held;
	await queue.cancel(job.id);
	assert.equal(queue.snapshot().jobs[0]!.state, 'cancelled');
	assert.deepEqual(await h.files(), []);
	await queue.close();
}));

test('a paused job cancelled later also leaves nothing behind', async () => withHarness(async h => {
	h.server.faults.holdAfterBytes = 1 << 20;
	const queue = queueOn(h);
	const job = queue.add({model: 'SM-S918B', csc: 'EUX'});
	await h.server.held;
	await queue.pause(job.id);
	await queue.cancel(job.id);
	assert.deepEqual(await h.files(), []);
	await queue.close();
}));

test('a failed job carries the error code and message for the UI', async () => withHarness(async h => {
	const queue = queueOn(h);
	const job = queue.add({model: 'SM-S918B', csc: 'EUX'});
	await untilState(queue, job.id, 'failed');
	const failed = queue.snapshot().jobs[0]!;
	assert.equal(failed.error?.code, 'MD5_MISMATCH');
	assert.match(failed.error?.message ?? '', /AP_S918BXXS8DYK1_CL1_FACTORY\.tar\.md5/);
	await queue.close();
}, {corruptMember: true}));
