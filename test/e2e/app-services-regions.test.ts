/** The workstation's region discovery seam against the project's emulator: probe, progress, cache, age. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {allCscs} from '../../source/core/catalog/cscs.js';
import {SettingsStore} from '../../source/core/store/settings-store.js';
import {startEmulator} from '../../source/emulator/server.js';
import {createAppServices} from '../../source/services/app-services.js';
import {DownloadQueue} from '../../source/core/queue/download-queue.js';

test('discoverRegions probes every catalog CSC with progress, finds the emulator CSCs, and the cache answers next', async t => {
	const emulator = await startEmulator();
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-services-regions-'));
	t.after(async () => {
		await emulator.close();
		await rm(dir, {recursive: true, force: true});
	});
	let clock = 1_000_000;
	const services = createAppServices({
		endpoints: {fus: emulator.url, download: emulator.url, fota: emulator.url},
		store: new SettingsStore({configDir: join(dir, 'config')}),
		cacheDir: join(dir, 'cache'),
		queue: new DownloadQueue({prepare: async () => Promise.reject(new Error('no downloads here')), destDir: dir}),
		now: () => clock,
	});
	assert.equal(await services.cachedRegions('SM-A546B'), undefined);
	const seen: number[] = [];
	const discovery = await services.discoverRegions('SM-A546B', {signal: new AbortController().signal, onProgress: ({done}) => seen.push(done)});
	assert.equal(seen.length, allCscs().length);
	assert.equal(seen.at(-1), allCscs().length);
	const found = discovery.regions.filter(region => region.state !== 'unknown').map(region => [region.csc, region.state, region.latest?.split('/')[0]]);
	assert.deepEqual(found.sort(), [['EUX', 'ok', 'A546BXXS9CYJ1'], ['SFR', 'none', undefined], ['XEF', 'ok', 'A546BXXS9CYI1']]);
	assert.equal(discovery.discoveredAt, clock);
	clock += 7 * 3_600_000;
	const cached = await services.cachedRegions('SM-A546B');
	assert.equal(cached?.discoveredAt, 1_000_000);
	assert.equal(cached?.stale, true, 'older than 6 h: shown, but probed again');
	assert.deepEqual(services.errors.getSnapshot(), []);
	services.queue.stopAll();
});

test('discovery rides out rate limiting: the 429s are retried and nothing is reported as failed', async t => {
	const emulator = await startEmulator({faults: {rateLimit: {count: 6, retryAfter: 0}}});
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-services-429-'));
	t.after(async () => {
		await emulator.close();
		await rm(dir, {recursive: true, force: true});
	});
	const services = createAppServices({
		endpoints: {fus: emulator.url, download: emulator.url, fota: emulator.url},
		store: new SettingsStore({configDir: join(dir, 'config')}),
		cacheDir: join(dir, 'cache'),
		queue: new DownloadQueue({prepare: async () => Promise.reject(new Error('no downloads here')), destDir: dir}),
	});
	const discovery = await services.discoverRegions('SM-G991B', {signal: new AbortController().signal});
	assert.equal(emulator.faults.rateLimit?.count, 0, 'the server did rate-limit');
	assert.deepEqual(discovery.regions.filter(region => region.state === 'failed'), []);
	assert.deepEqual(discovery.regions.filter(region => region.state === 'ok').map(region => region.csc).sort(), ['BTU', 'EUX']);
	services.queue.stopAll();
});
