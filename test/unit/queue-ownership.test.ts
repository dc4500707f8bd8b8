/** Who runs which job: the queue lock between processes, held jobs of a scripted download, reruns. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {DownloadQueue, type QueueOptions} from '../../source/core/queue/download-queue.js';
import {lockQueue} from '../../source/core/queue/queue-lock.js';
import {FusError, TransferError} from '../../source/core/errors.js';
import type {DownloadOptions, DownloadResult} from '../../source/core/transfer/download-file.js';
import type {DownloadSource} from '../../source/core/transfer/types.js';
import {withTempDir} from '../helpers/temp-dir.js';

const withTemp = async (run: (dir: string) => Promise<void>) => withTempDir('own', run);

const source: DownloadSource = {requestRange: async () => Promise.reject(new Error('unused')), renew: async () => undefined};
const prepare: QueueOptions['prepare'] = async spec => ({source, protocol: 'smart', remote: {binaryName: `${spec.model}_fw.zip.enc4`, size: 4096, key: Buffer.alloc(16), version: 'A/B/C/D'}});

/** An engine that records which models it was asked for and finishes at once. */
function instantEngine() {
	const started: string[] = [];
	const download = async (options: DownloadOptions): Promise<DownloadResult> => {
		started.push(options.remote.binaryName.split('_')[0]!);
		return {path: join(options.destDir, 'fw.zip'), bytes: 4080, resumedBytes: 0, members: [{name: 'AP.tar.md5', md5: 'x'} as never], renewals: 0, retries: 2, verifiedEarly: false};
	};

	return {started, download: download as QueueOptions['download']};
}

test('the queue lock: one live owner; a second caller learns its pid; a dead owner\'s lock is taken over', async () => withTemp(async dir => {
	const queuePath = join(dir, 'queue.json');
	const first = await lockQueue(queuePath);
	assert.ok(first.lock);
	const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
	try {
		// Another process asking while we hold it (simulated with the child's pid as the asker).
		const second = await lockQueue(queuePath, child.pid);
		assert.equal(second.heldBy, process.pid);
		await first.lock.release();

		// The child's pid in the lock file: held while it lives, stale once it is gone.
		await writeFile(`${queuePath}.lock`, `${child.pid}\n`);
		assert.equal((await lockQueue(queuePath)).heldBy, child.pid);
		child.kill('SIGKILL');
		await once(child, 'exit');
		const taken = await lockQueue(queuePath);
		assert.ok(taken.lock, 'a lock whose owner died is taken over');
		assert.equal((await readFile(`${queuePath}.lock`, 'utf8')).trim(), String(process.pid));
		await taken.lock.release();
	} finally {
		child.kill('SIGKILL');
	}
}));

test('autoResume false: jobs from the file wait; only an explicit resume or retry starts them', async () => withTemp(async dir => {
	const storePath = join(dir, 'queue.json');
	const jobs = [
		{id: 'aaaa', spec: {model: 'A', csc: 'EUX'}, state: 'downloading', createdAt: '2026-01-01T00:00:00Z', bytesDone: 10, bytesTotal: 4096},
		{id: 'bbbb', spec: {model: 'B', csc: 'EUX'}, state: 'failed', createdAt: '2026-01-01T00:00:00Z', bytesDone: 0, bytesTotal: 0, error: {code: 'NETWORK', message: 'x'}},
	];
	await writeFile(storePath, JSON.stringify({format: 1, concurrency: 2, jobs}));
	const engine = instantEngine();
	const queue = await DownloadQueue.open({prepare, destDir: dir, storePath, download: engine.download, autoResume: false});
	await new Promise(resolve => setTimeout(resolve, 50));
	assert.deepEqual(engine.started, [], 'nothing from the file starts by itself');
	assert.deepEqual(queue.snapshot().jobs.map(job => job.state), ['queued', 'failed']);

	await queue.retry('bbbb');
	await queue.idle();
	assert.deepEqual(engine.started, ['B']);
	assert.equal(queue.snapshot().jobs[0]!.state, 'queued', 'the interrupted job of another run is left as it was');
	await queue.resume('aaaa');
	await queue.idle();
	assert.deepEqual(engine.started, ['B', 'A']);
	await queue.close();

	const saved = JSON.parse(await readFile(storePath, 'utf8')) as {jobs: Array<{id: string; state: string; remote?: {protocol?: string}; result?: {members: number}}>};
	assert.deepEqual(saved.jobs.map(job => job.state), ['done', 'done']);
	assert.equal(saved.jobs[0]!.remote?.protocol, 'smart', 'the variant that served the job is kept');
	assert.equal(saved.jobs[0]!.result?.members, 1);
}));

test('the default autoResume starts unfinished jobs from the file (the workstation)', async () => withTemp(async dir => {
	const storePath = join(dir, 'queue.json');
	await writeFile(storePath, JSON.stringify({format: 1, concurrency: 1, jobs: [{id: 'aaaa', spec: {model: 'A', csc: 'EUX'}, state: 'verifying', createdAt: '2026-01-01T00:00:00Z', bytesDone: 4096, bytesTotal: 4096}]}));
	const engine = instantEngine();
	const queue = await DownloadQueue.open({prepare, destDir: dir, storePath, download: engine.download});
	await queue.idle();
	assert.deepEqual(engine.started, ['A']);
	await queue.close();
}));

test('findUnfinished finds the same request (model, CSC, build, folder) unless it is done', async () => {
	const engine = instantEngine();
	const queue = new DownloadQueue({prepare, destDir: '/d', download: engine.download, autoResume: false});
	const first = queue.add({model: 'A', csc: 'EUX', destDir: '/d'});
	await queue.idle();
	assert.equal(queue.findUnfinished({model: 'A', csc: 'EUX', destDir: '/d'}), undefined, 'a done job is not continued');
	const failing = new DownloadQueue({prepare: async () => Promise.reject(new FusError('NETWORK', 'down', {stage: 'inform'})), destDir: '/d', download: engine.download});
	const job = failing.add({model: 'A', csc: 'EUX', destDir: '/d'});
	await failing.idle();
	assert.equal(failing.findUnfinished({model: 'A', csc: 'EUX', destDir: '/d'})?.id, job.id);
	assert.equal(failing.findUnfinished({model: 'A', csc: 'XEF', destDir: '/d'}), undefined);
	assert.equal(failing.findUnfinished({model: 'A', csc: 'EUX', destDir: '/other'}), undefined);
	assert.equal(failing.findUnfinished({model: 'A', csc: 'EUX', version: 'S918BXXU1AWA1', destDir: '/d'}), undefined);
	assert.ok(first.id);
});

test('failure(id) keeps the thrown error with its context; the file keeps code and message', async () => withTemp(async dir => {
	const storePath = join(dir, 'queue.json');
	const error = new TransferError('DISK_FULL', 'No space left', {stage: 'disk', path: '/x'});
	const queue = new DownloadQueue({prepare: async () => Promise.reject(error), destDir: dir, storePath});
	const job = queue.add({model: 'A', csc: 'EUX'});
	await queue.idle();
	assert.equal(queue.failure(job.id), error);
	assert.deepEqual(queue.snapshot().jobs[0]!.error, {code: 'DISK_FULL', message: 'No space left'});
	await queue.close();
}));
