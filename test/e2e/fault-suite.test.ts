/**
 * The fault suite: many short downloads from the emulator under randomised fault schedules (link
 * expiry, 429, 5xx bursts, resets, throttling, and kill -9 of the client process). Every run must end
 * with the exact plaintext, or with a clear error after which a plain rerun reaches the exact plaintext.
 *
 * CI runs FUSDECK_FAULT_RUNS (default 20) schedules; run it longer locally, for example
 *   FUSDECK_FAULT_RUNS=200 node --test dist/test/e2e/fault-suite.test.js
 * A failing schedule is reproduced with the FUSDECK_FAULT_SEED it prints.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {once} from 'node:events';
import {mkdir, mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {isFusdeckError} from '../../source/core/errors.js';
import {openDownload} from '../../source/core/fus/open-download.js';
import {downloadFile} from '../../source/core/transfer/download-file.js';
import type {DownloadSource} from '../../source/core/transfer/types.js';
import {startEmulator, type Emulator} from '../../source/emulator/server.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {binPath} from '../helpers/spawn-cli.js';
import {checkpointedBytes, waitFor} from '../helpers/transfer-harness.js';

const runs = Number(process.env['FUSDECK_FAULT_RUNS'] ?? 20);
const seed = Number(process.env['FUSDECK_FAULT_SEED'] ?? Date.now() % 1_000_000);
const firmwareSize = 640 * 1024;
const pairs = [['SM-S918B', 'EUX'], ['SM-S918B', 'DBT'], ['SM-A546B', 'EUX'], ['SM-G991B', 'BTU']] as const;

/** mulberry32: a small seeded generator, so a schedule can be replayed from its seed. */
function random(seedValue: number): () => number {
	let state = seedValue >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

type Fault = {at: number; name: string; apply(emulator: Emulator): void};

function schedule(next: () => number, size: number): Fault[] {
	const kinds: Array<(at: number) => Fault> = [
		at => ({at, name: 'expiry', apply: emulator => emulator.expireAllLinks()}),
		at => ({at, name: '429', apply: emulator => (emulator.faults.rateLimit = {count: 1 + Math.floor(next() * 2), retryAfter: 1 + Math.floor(next() * 5)})}),
		at => ({at, name: '5xx', apply: emulator => (emulator.faults.serverErrors = {count: 1 + Math.floor(next() * 3), status: [500, 502, 503][Math.floor(next() * 3)]!})}),
		at => ({at, name: 'reset', apply: emulator => (emulator.faults.resetAfterBytes = {bytes: 1 + Math.floor(next() * 64 * 1024), count: 1 + Math.floor(next() * 2)})}),
		at => ({at, name: 'throttle', apply: emulator => (emulator.faults.bandwidthPerConnection = 2_000_000 + Math.floor(next() * 4_000_000))}),
	];
	const count = 1 + Math.floor(next() * 4);
	return Array.from({length: count}, () => kinds[Math.floor(next() * kinds.length)]!(Math.floor(next() * size * 0.9))).sort((a, b) => a.at - b.at);
}

/** Counts the bytes the server sent, to report how much was fetched twice. */
function counting(source: DownloadSource, tally: {bytes: number}): DownloadSource {
	return {
		renew: async () => source.renew(),
		async requestRange(start, end, signal) {
			const response = await source.requestRange(start, end, signal);
			const counted = new PassThrough({highWaterMark: 1 << 20});
			counted.on('data', (chunk: Buffer) => (tally.bytes += chunk.length));
			response.body.on('error', error => counted.destroy(error));
			counted.on('close', () => response.body.destroy());
			return {...response, body: response.body.pipe(counted)};
		},
	};
}

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

function clearFaults(emulator: Emulator): void {
	for (const name of ['rateLimit', 'serverErrors', 'resetAfterBytes', 'bandwidthPerConnection'] as const) {
		delete emulator.faults[name];
	}
}

test(`fault suite: ${runs} randomised schedules (seed ${seed}) end in exact bytes or a clear error that a rerun recovers from`, async t => {
	const emulator = await startEmulator({firmwareSize});
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-faults-'));
	t.after(async () => {
		await emulator.close();
		await rm(dir, {recursive: true, force: true});
	});
	const endpoints = {fus: emulator.url, download: emulator.url, fota: emulator.url};
	const next = random(seed);
	const totals = {runs: 0, faults: 0, kills: 0, clearErrors: 0, bytes: 0, refetched: 0};
	for (let run = 0; run < runs; run++) {
		const [model, csc] = pairs[Math.floor(next() * pairs.length)]!;
		const out = join(dir, `run-${run}`);
		await mkdir(out);
		const firmware = await emulator.firmware(model, csc);
		const faults = schedule(next, firmware.encryptedSize);
		const where = `seed ${seed}, run ${run} (${model} ${csc}; ${faults.map(f => `${f.name}@${f.at}`).join(', ')})`;
		const tally = {bytes: 0};
		const attempt = async () => {
			const opened = await openDownload({model, csc, version: firmware.version}, {endpoints, protocol: 'smart'});
			const pending = [...faults];
			return downloadFile({
				source: counting(opened.source, tally),
				remote: opened.remote,
				destDir: out,
				connections: 1 + Math.floor(next() * 4),
				maxLeaseBytes: 64 * 1024,
				clock: new FakeClock(),
				retry: {random: next},
				onProgress(progress) {
					while (pending[0] && pending[0].at <= progress.bytesDone) {
						pending.shift()!.apply(emulator);
						totals.faults++;
					}
				},
			});
		};

		let path: string;
		try {
			path = (await attempt()).path;
		} catch (error) {
			// Allowed: a typed error that says what happened; then the rerun must finish the job.
			assert.ok(isFusdeckError(error), `${where}: not a clear error: ${String(error)}`);
			totals.clearErrors++;
			clearFaults(emulator);
			path = (await attempt()).path;
		}

		clearFaults(emulator);
		assert.equal(await sha256(path), firmware.plainSha256, where);
		assert.deepEqual(await readdir(out), [firmware.binaryName.replace(/\.enc[24]$/, '')], where);
		totals.runs++;
		totals.bytes += firmware.encryptedSize;
		totals.refetched += Math.max(0, tally.bytes - firmware.encryptedSize);
	}

	// A kill -9 of the client at a random point of a throttled download, then the same command again.
	const out = join(dir, 'killed');
	await mkdir(out);
	const env = {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', FUSDECK_FUS_URL: emulator.url, FUSDECK_DOWNLOAD_URL: emulator.url, FUSDECK_FOTA_URL: emulator.url, FUSDECK_CONFIG_DIR: join(dir, 'config')};
	const firmware = await emulator.firmware('SM-S918B', 'XEF');
	const killAt = 0.1 + next() * 0.7;
	emulator.faults.bandwidthPerConnection = 200_000;
	const child = spawn(process.execPath, [binPath, 'download', 'SM-S918B', 'XEF', '--out', out, '--connections', '2'], {env, stdio: 'ignore'});
	const exited = once(child, 'exit');
	const sidecar = join(out, `${firmware.binaryName.replace(/\.enc4$/, '')}.part.json`);
	await waitFor(async () => await checkpointedBytes(sidecar) >= firmware.encryptedSize * killAt, `a checkpoint past ${Math.round(killAt * 100)}%`, 30_000);
	child.kill('SIGKILL');
	await exited;
	totals.kills++;
	clearFaults(emulator);
	const rerun = spawn(process.execPath, [binPath, 'download', 'SM-S918B', 'XEF', '--out', out], {env, stdio: 'ignore'});
	const [code] = await once(rerun, 'exit') as [number];
	assert.equal(code, 0, `seed ${seed}: the rerun after kill -9 at ${Math.round(killAt * 100)}% failed`);
	assert.equal(await sha256(join(out, firmware.binaryName.replace(/\.enc4$/, ''))), firmware.plainSha256);

	t.diagnostic(`fault suite: ${totals.runs} runs + ${totals.kills} kill -9, ${totals.faults} faults injected, ${totals.clearErrors} ended in a clear error and recovered on rerun, ${totals.refetched} of ${totals.bytes} bytes fetched again`);
});
