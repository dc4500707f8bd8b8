import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {configDir, queueFile} from '../../source/core/store/config-dir.js';
import {runCliCaptured} from '../helpers/run-cli.js';

test('the config folder: FUSDECK_CONFIG_DIR wins, then the platform folder', () => {
	assert.equal(configDir({FUSDECK_CONFIG_DIR: '/x/y'}), '/x/y');
	assert.equal(configDir({HOME: '/home/u'}, 'linux'), '/home/u/.config/fusdeck');
	assert.equal(configDir({XDG_CONFIG_HOME: '/xdg', HOME: '/home/u'}, 'linux'), '/xdg/fusdeck');
	assert.equal(configDir({HOME: '/Users/u'}, 'darwin'), '/Users/u/Library/Preferences/fusdeck');
	assert.equal(queueFile({FUSDECK_CONFIG_DIR: '/c'}), '/c/queue.json');
});

test('fusdeck queue lists the persisted jobs, as text and as JSON', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-cfg-'));
	try {
		const env = {FUSDECK_CONFIG_DIR: dir};
		const empty = await runCliCaptured(['queue'], env);
		assert.equal(empty.code, 0);
		assert.match(empty.stdout, /The queue is empty/);

		await writeFile(join(dir, 'queue.json'), JSON.stringify({format: 1, concurrency: 1, jobs: [
			{id: 'a1', spec: {model: 'SM-S918B', csc: 'EUX'}, state: 'paused', createdAt: '2026-01-01T00:00:00Z', bytesDone: 50, bytesTotal: 200, remote: {binaryName: 'x.zip.enc4', size: 200, version: 'A/B/C/D'}},
			{id: 'b2', spec: {model: 'SM-A546B', csc: 'DBT'}, state: 'failed', createdAt: '2026-01-01T00:00:00Z', bytesDone: 0, bytesTotal: 0, error: {code: 'CRC_MISMATCH', message: 'bad'}},
		]}));
		const text = await runCliCaptured(['queue'], env);
		assert.match(text.stdout, /a1 {2}paused {6} SM-S918B EUX {3}25% {2}A\/B\/C\/D/);
		assert.match(text.stdout, /b2 {2}failed .*CRC_MISMATCH: bad/);
		const json = JSON.parse((await runCliCaptured(['queue', '--json'], env)).stdout) as {jobs: Array<{id: string; state: string}>};
		assert.deepEqual(json.jobs.map(j => [j.id, j.state]), [['a1', 'paused'], ['b2', 'failed']]);

		await writeFile(join(dir, 'queue.json'), 'garbage');
		const corrupt = await runCliCaptured(['queue'], env);
		assert.equal(corrupt.code, 5);
		assert.match(corrupt.stderr, /damaged/);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('fusdeck queue clear forgets done and cancelled jobs; cancel stops one; both refuse while another process owns the queue', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-cfg-'));
	try {
		const env = {FUSDECK_CONFIG_DIR: dir};
		const job = (id: string, state: string) => ({id, spec: {model: 'SM-S918B', csc: 'EUX'}, state, createdAt: '2026-01-01T00:00:00Z', bytesDone: 0, bytesTotal: 0});
		await writeFile(join(dir, 'queue.json'), JSON.stringify({format: 1, concurrency: 1, jobs: [job('d1', 'done'), job('c1', 'cancelled'), job('p1', 'paused'), job('f1', 'failed')]}));
		const cleared = await runCliCaptured(['queue', 'clear', '--json'], env);
		assert.equal(cleared.code, 0, cleared.stderr);
		assert.deepEqual(JSON.parse(cleared.stdout).removed, ['d1', 'c1']);
		const cancelled = await runCliCaptured(['queue', 'cancel', 'p1'], env);
		assert.equal(cancelled.code, 0, cancelled.stderr);
		const left = JSON.parse((await runCliCaptured(['queue', '--json'], env)).stdout) as {jobs: Array<{id: string; state: string}>};
		assert.deepEqual(left.jobs.map(j => [j.id, j.state]), [['p1', 'cancelled'], ['f1', 'failed']]);
		assert.ok(!existsSync(join(dir, 'queue.json.lock')), 'the lock is released');

		// Jobs that are already finished are not counted as cancelled, and stay as they were.
		const finished = await runCliCaptured(['queue', 'cancel', 'p1', 'f1', '--json'], env);
		assert.equal(finished.code, 0, finished.stderr);
		assert.deepEqual(JSON.parse(finished.stdout), {ok: true, cancelled: [], unchanged: [{id: 'p1', state: 'cancelled'}, {id: 'f1', state: 'failed'}]});
		const finishedText = await runCliCaptured(['queue', 'cancel', 'f1'], env);
		assert.match(finishedText.stdout, /^Cancelled 0 job\(s\)\.\n {2}f1 is already failed: nothing to cancel\n$/);
		const after = JSON.parse((await runCliCaptured(['queue', '--json'], env)).stdout) as {jobs: Array<{id: string; state: string}>};
		assert.deepEqual(after.jobs.map(j => [j.id, j.state]), [['p1', 'cancelled'], ['f1', 'failed']]);

		const unknown = await runCliCaptured(['queue', 'cancel', 'zz'], env);
		assert.equal(unknown.code, 2);
		assert.match(unknown.stderr, /no job "zz"/);

		// Another live process (this test's parent) owns the lock.
		await writeFile(join(dir, 'queue.json.lock'), `${process.ppid}\n`);
		const busy = await runCliCaptured(['queue', 'clear'], env);
		assert.equal(busy.code, 5);
		assert.match(busy.stderr, new RegExp(`in use by process ${process.ppid}`));
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
