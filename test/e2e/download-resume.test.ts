/**
 * The binary is killed (SIGKILL) or interrupted (Ctrl-C) in the middle of a download from a
 * throttled emulator; the same command run again continues the same job and the bytes are exact.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {once} from 'node:events';
import {mkdir, mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator} from '../../source/emulator/server.js';
import {binPath, runBinary} from '../helpers/spawn-cli.js';
import {checkpointedBytes, waitFor} from '../helpers/transfer-harness.js';

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const firmwareSize = 3 * 1024 * 1024;

async function setup(t: {after(fn: () => Promise<void>): void}) {
	// 2 connections at 512 KB/s each: about 3 s for the whole file, time enough to stop it part-way.
	const emulator = await startEmulator({firmwareSize, faults: {bandwidthPerConnection: 512_000}});
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-resume-'));
	const out = join(dir, 'out');
	await mkdir(out);
	t.after(async () => {
		await emulator.close();
		await rm(dir, {recursive: true, force: true});
	});
	const env = {FUSDECK_FUS_URL: emulator.url, FUSDECK_DOWNLOAD_URL: emulator.url, FUSDECK_FOTA_URL: emulator.url, FUSDECK_CONFIG_DIR: join(dir, 'config')};
	const firmware = await emulator.firmware('SM-S918B', 'EUX');
	const finalName = firmware.binaryName.replace(/\.enc4$/, '');
	return {emulator, firmware, out, env, sidecar: join(out, `${finalName}.part.json`), finalName};
}


function startDownload(out: string, env: Record<string, string>) {
	const child = spawn(process.execPath, [binPath, 'download', 'SM-S918B', 'EUX', '--out', out, '--connections', '2'], {
		env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return {child, exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>, stderr: () => stderr};
}

for (const fraction of [0.2, 0.6]) {
	test(`kill -9 of fusdeck download at ~${fraction * 100}%, then the same command: one job, identical SHA-256`, async t => {
		const {emulator, firmware, out, env, sidecar, finalName} = await setup(t);
		const run = startDownload(out, env);
		await waitFor(async () => await checkpointedBytes(sidecar) >= firmware.encryptedSize * fraction, `a checkpoint past ${fraction * 100}%`, 30_000);
		run.child.kill('SIGKILL');
		const [, signal] = await run.exited;
		assert.equal(signal, 'SIGKILL');
		const saved = await checkpointedBytes(sidecar);
		assert.ok(saved > 0 && saved < firmware.encryptedSize, `killed part-way (${saved} of ${firmware.encryptedSize})`);

		emulator.faults.bandwidthPerConnection = undefined;
		const again = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, '--json'], env);
		assert.equal(again.code, 0, again.stderr);
		const answer = JSON.parse(again.stdout) as {job: string; path: string; resumedBytes: number};
		assert.ok(answer.resumedBytes >= saved, `resumed from the checkpoint (${answer.resumedBytes} >= ${saved})`);
		assert.equal(await sha256(answer.path), firmware.plainSha256);
		assert.deepEqual(await readdir(out), [finalName]);

		const queue = JSON.parse((await runBinary(['queue', '--json'], env)).stdout) as {jobs: Array<{id: string; state: string}>};
		assert.deepEqual(queue.jobs.map(job => [job.id, job.state]), [[answer.job, 'done']], 'the rerun continued the killed job instead of adding one');
	});
}

test('Ctrl-C pauses fusdeck download (exit 130, .part kept, job paused); the same command resumes it', async t => {
	const {emulator, firmware, out, env, sidecar, finalName} = await setup(t);
	const run = startDownload(out, env);
	await waitFor(async () => await checkpointedBytes(sidecar) >= firmware.encryptedSize * 0.3, 'a checkpoint past 30%', 30_000);
	run.child.kill('SIGINT');
	const [code] = await run.exited;
	assert.equal(code, 130, run.stderr());
	assert.match(run.stderr(), /paused at \d+ of \d+ bytes .*run the same command again to resume/);
	assert.deepEqual((await readdir(out)).sort(), [`${finalName}.part`, `${finalName}.part.json`]);
	const paused = JSON.parse((await runBinary(['queue', '--json'], env)).stdout) as {jobs: Array<{state: string}>};
	assert.deepEqual(paused.jobs.map(job => job.state), ['paused']);

	emulator.faults.bandwidthPerConnection = undefined;
	const again = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, '--connections', '2'], env);
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stderr, /continuing job \w+ \(paused\)/);
	assert.equal(await sha256(join(out, finalName)), firmware.plainSha256);
	assert.deepEqual(await readdir(out), [finalName]);
});
