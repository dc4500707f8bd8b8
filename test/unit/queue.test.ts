import {test} from 'node:test';
import assert from 'node:assert/strict';
import {once} from 'node:events';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DownloadQueue, type QueueOptions} from '../../source/core/queue/download-queue.js';
import type {JobState} from '../../source/core/queue/types.js';
import {TransferError, VerifyError} from '../../source/core/errors.js';
import type {DownloadOptions, DownloadResult} from '../../source/core/transfer/download-file.js';
import type {DownloadSource} from '../../source/core/transfer/types.js';
import {FakeClock} from '../helpers/fake-clock.js';

type Call = {options: DownloadOptions; finish(): void; fail(error: Error): void};

/** A transfer engine whose downloads finish or fail when the test says so. */
function fakeEngine() {
	const calls: Call[] = [];
	const download = async (options: DownloadOptions): Promise<DownloadResult> => new Promise((resolve, reject) => {
		options.signal?.addEventListener('abort', () => reject(new TransferError('CANCELLED', 'cancelled')), {once: true});
		calls.push({
			options,
			finish: () => resolve({path: join(options.destDir, 'fw.zip'), bytes: 10, resumedBytes: 0, members: [], renewals: 0, retries: 0, verifiedEarly: false}),
			fail: reject,
		});
	});
	return {calls, download: download as QueueOptions['download']};
}

const source: DownloadSource = {requestRange: async () => Promise.reject(new Error('unused')), renew: async () => undefined};
const prepare: QueueOptions['prepare'] = async spec => ({source, remote: {binaryName: `${spec.model}_fw.zip.enc4`, size: 4096, key: Buffer.alloc(16), version: 'A/B/C/D'}});

async function untilState(queue: DownloadQueue, id: string, state: JobState): Promise<void> {
	if (queue.snapshot().jobs.find(job => job.id === id)?.state === state) {
		return;
	}

	return new Promise(resolve => {
		const listener = (job: {id: string; state: JobState}) => {
			if (job.id === id && job.state === state) {
				queue.off('state', listener);
				resolve();
			}
		};

		queue.on('state', listener);
	});
}

const states = (queue: DownloadQueue) => queue.snapshot().jobs.map(job => job.state);

test('the concurrency limit holds and can be raised while jobs run', async () => {
	const engine = fakeEngine();
	const queue = new DownloadQueue({prepare, destDir: '/nowhere', download: engine.download});
	const jobs = ['A', 'B', 'C'].map(model => queue.add({model, csc: 'EUX'}));
	await untilState(queue, jobs[0]!.id, 'downloading');
	assert.deepEqual(states(queue), ['downloading', 'queued', 'queued']);
	const third = untilState(queue, jobs[2]!.id, 'downloading');
	queue.setConcurrency(3);
	await third;
	assert.deepEqual(states(queue), ['downloading', 'downloading', 'downloading']);
	for (const call of engine.calls) {
		call.finish();
	}

	await queue.idle();
	assert.deepEqual(states(queue), ['done', 'done', 'done']);
	assert.equal(queue.snapshot().totals.done, 3);
});

test('pause, resume, cancel and retry move a job through its states', async () => {
	const engine = fakeEngine();
	const queue = new DownloadQueue({prepare, destDir: '/nowhere', download: engine.download});
	const job = queue.add({model: 'A', csc: 'EUX'});
	await untilState(queue, job.id, 'downloading');
	await queue.pause(job.id);
	assert.deepEqual(states(queue), ['paused']);
	const again = untilState(queue, job.id, 'downloading');
	await queue.resume(job.id);
	await again;
	engine.calls[1]!.fail(new VerifyError('MD5_MISMATCH', 'Member AP fails its MD5 check'));
	await queue.idle();
	assert.deepEqual(queue.snapshot().jobs[0]!.error, {code: 'MD5_MISMATCH', message: 'Member AP fails its MD5 check'});
	const third = untilState(queue, job.id, 'downloading');
	await queue.retry(job.id);
	await third;
	assert.equal(queue.snapshot().jobs[0]!.error, undefined);
	await queue.cancel(job.id);
	assert.deepEqual(states(queue), ['cancelled']);
});

test('the snapshot is immutable and stable until something changes', async () => {
	const engine = fakeEngine();
	const queue = new DownloadQueue({prepare, destDir: '/nowhere', download: engine.download});
	const job = queue.add({model: 'A', csc: 'EUX', version: 'X/Y/Z/W'});
	await untilState(queue, job.id, 'downloading');
	const first = queue.snapshot();
	assert.equal(queue.snapshot(), first);
	assert.ok(Object.isFrozen(first) && Object.isFrozen(first.jobs) && Object.isFrozen(first.jobs[0]));
	assert.throws(() => {
		(first.jobs as unknown as unknown[]).push(1);
	}, TypeError);
	assert.equal(first.jobs[0]!.version, 'A/B/C/D', 'the served version replaces the asked one');
	await queue.close();
});

test('progress events are coalesced to at most one per interval', async () => {
	const engine = fakeEngine();
	const clock = new FakeClock();
	const queue = new DownloadQueue({prepare, destDir: '/nowhere', download: engine.download, clock, progressIntervalMs: 250});
	const job = queue.add({model: 'A', csc: 'EUX'});
	await untilState(queue, job.id, 'downloading');
	await Promise.resolve();
	clock.time += 250; // the state change just went out; the next interval starts now
	let changes = 0;
	queue.on('change', () => changes++);
	const onProgress = engine.calls[0]!.options.onProgress!;
	const progress = (bytesDone: number) => onProgress({phase: 'downloading', bytesDone, bytesTotal: 4096, bytesPerSecond: 1, etaSeconds: 1, connections: 4, retries: 0, stalls: 0, renewals: 0});
	for (let i = 0; i < 100; i++) {
		progress(i);
	}

	assert.equal(changes, 1, 'the first goes out, the rest wait for the interval');
	clock.time += 250;
	const trailing = once(queue, 'change');
	progress(100);
	await trailing;
	assert.equal(changes, 2);
	assert.equal(queue.snapshot().jobs[0]!.bytesDone, 100);
	assert.equal(queue.snapshot().jobs[0]!.connections, 4);
	await queue.close();
});

test('the queue persists (mode 0600) and a restart resumes unfinished jobs', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-queue-'));
	try {
		const storePath = join(dir, 'config', 'queue.json');
		const engine = fakeEngine();
		const queue = await DownloadQueue.open({prepare, destDir: dir, download: engine.download, storePath, concurrency: 2});
		const running = queue.add({model: 'A', csc: 'EUX'});
		const paused = queue.add({model: 'B', csc: 'EUX'});
		const waiting = queue.add({model: 'C', csc: 'EUX'});
		await untilState(queue, paused.id, 'downloading');
		await queue.pause(paused.id);
		await queue.close();
		assert.equal((await stat(storePath)).mode & 0o777, 0o600);
		const saved = JSON.parse(await readFile(storePath, 'utf8')) as {jobs: Array<{state: string}>};
		assert.deepEqual(saved.jobs.map(j => j.state), ['queued', 'paused', 'queued']);

		const engine2 = fakeEngine();
		const reopened = await DownloadQueue.open({prepare, destDir: dir, download: engine2.download, storePath});
		await untilState(reopened, waiting.id, 'downloading');
		assert.deepEqual(reopened.snapshot().jobs.map(j => [j.id, j.state]), [[running.id, 'downloading'], [paused.id, 'paused'], [waiting.id, 'downloading']]);
		await reopened.close();
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('a damaged queue file is reported as CONFIG_CORRUPT and kept as a backup', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-queue-'));
	try {
		const storePath = join(dir, 'queue.json');
		await import('node:fs/promises').then(async fs => fs.writeFile(storePath, '{not json'));
		await assert.rejects(DownloadQueue.open({prepare, destDir: dir, storePath}), {code: 'CONFIG_CORRUPT'});
		assert.equal(await readFile(`${storePath}.bak`, 'utf8'), '{not json');
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
