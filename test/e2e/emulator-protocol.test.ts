/** The FUS client against the project's emulator: both variants, fallback, expiry, history, faults. */
import {test} from 'node:test';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import assert from 'node:assert/strict';
import {startEmulator, type Emulator} from '../../source/emulator/server.js';
import {openDownload} from '../../source/core/fus/open-download.js';
import {FusError} from '../../source/core/errors.js';
import {downloadAndHash, imeiFromTac} from '../helpers/read-source.js';
import {runCliCaptured} from '../helpers/run-cli.js';

const latestOf = (emulator: Emulator, model: string, csc: string) => emulator.catalog.find(m => m.model === model)!.builds[csc]![0]!;
const endpointsOf = (emulator: Emulator) => ({fus: emulator.url, download: emulator.url, fota: emulator.url});

test('Smart, with no IMEI: the decrypted bytes are exactly the emulator plaintext (ENC4 and ENC2)', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	for (const [model, csc] of [['SM-S918B', 'EUX'], ['SM-G991B', 'EUX']] as const) {
		const version = latestOf(emulator, model, csc);
		const opened = await openDownload({model, csc, version}, {endpoints: endpointsOf(emulator), protocol: 'smart'});
		assert.equal(opened.info.protocol, 'smart');
		const truth = await emulator.firmware(model, csc);
		assert.equal(opened.remote.crc32, truth.crc32);
		assert.equal(await downloadAndHash(opened.source, opened.remote), truth.plainSha256, model);
	}
});

test('classic needs an IMEI of the model: a real TAC works, another model\'s TAC is 408, none is DEVICE_ID_REQUIRED', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	const version = latestOf(emulator, 'SM-S918B', 'XEF');
	const query = {model: 'SM-S918B', csc: 'XEF', version};
	const endpoints = endpointsOf(emulator);
	const opened = await openDownload({...query, deviceId: imeiFromTac('35183174')}, {endpoints, protocol: 'classic'});
	assert.equal(await downloadAndHash(opened.source, opened.remote), (await emulator.firmware('SM-S918B', 'XEF')).plainSha256);
	await assert.rejects(openDownload({...query, deviceId: imeiFromTac('35066581')}, {endpoints, protocol: 'classic'}), (error: unknown) =>
		error instanceof FusError && error.context.fusStatus === '408' && error.context.sentDeviceId === true);
	await assert.rejects(openDownload(query, {endpoints, protocol: 'classic'}), (error: unknown) => error instanceof FusError && error.code === 'DEVICE_ID_REQUIRED');
});

test('auto falls back to classic when Smart is refused and an IMEI is known, and remembers it', async t => {
	const emulator = await startEmulator({faults: {refuseSmart: true}});
	t.after(async () => emulator.close());
	const remembered = new Map<string, 'classic' | 'smart'>();
	const memory = {get: (model: string) => remembered.get(model), set: (model: string, protocol: 'classic' | 'smart') => remembered.set(model, protocol)};
	const query = {model: 'SM-S918B', csc: 'EUX', version: latestOf(emulator, 'SM-S918B', 'EUX')};
	const opened = await openDownload({...query, deviceId: imeiFromTac('35291275')}, {endpoints: endpointsOf(emulator), protocol: 'auto', memory});
	assert.equal(opened.info.protocol, 'classic');
	assert.equal(remembered.get('SM-S918B'), 'classic');
	await assert.rejects(openDownload(query, {endpoints: endpointsOf(emulator), protocol: 'auto'}), /give --imei or store one/);
});

test('an expired link is refused with 401 and renewed (Smart: new nonce and init), then the bytes are exact', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	const version = latestOf(emulator, 'SM-S918B', 'DBT');
	const opened = await openDownload({model: 'SM-S918B', csc: 'DBT', version}, {endpoints: endpointsOf(emulator), protocol: 'smart'});
	emulator.expireAllLinks();
	const refused = await opened.source.requestRange(0, 15);
	await refused.body.resume();
	assert.equal(refused.statusCode, 401);
	await opened.source.renew();
	assert.equal(await downloadAndHash(opened.source, opened.remote), (await emulator.firmware('SM-S918B', 'DBT')).plainSha256);
});

test('an older build is served when allowed; otherwise the exact-build check stops before init', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	const older = emulator.catalog.find(m => m.model === 'SM-S918B')!.builds['EUX']![2]!;
	const query = {model: 'SM-S918B', csc: 'EUX', version: older};
	const opened = await openDownload(query, {endpoints: endpointsOf(emulator), protocol: 'smart', exactBuild: true});
	assert.equal(opened.info.version, older);
	assert.equal(await downloadAndHash(opened.source, opened.remote), (await emulator.firmware('SM-S918B', 'EUX', older)).plainSha256);
	emulator.faults.serveOlderBuilds = false;
	await assert.rejects(openDownload(query, {endpoints: endpointsOf(emulator), protocol: 'smart', exactBuild: true}), (error: unknown) =>
		error instanceof FusError && error.code === 'SERVED_OTHER_BUILD' && /--accept-latest/.test(error.message));
});

test('history lists exactly the emulator builds for a pair, newest first', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	const env = {FUSDECK_FUS_URL: emulator.url, FUSDECK_FOTA_URL: emulator.url, FUSDECK_DOWNLOAD_URL: emulator.url};
	const result = await runCliCaptured(['history', 'SM-S918B', 'EUX', '--json'], env);
	assert.equal(result.code, 0, result.stderr);
	const {builds, warnings} = JSON.parse(result.stdout) as {builds: Array<{pda: string; version: string; sources: string[]; served: boolean}>; warnings: string[]};
	assert.deepEqual(warnings, []);
	const truth = emulator.catalog.find(m => m.model === 'SM-S918B')!.builds['EUX']!;
	assert.deepEqual(builds.map(b => b.version), truth);
	assert.ok(builds.every(b => b.sources.includes('history') && b.sources.includes('version.xml')));
});

test('rate limits and 5xx spells from the emulator are retried by compare', async t => {
	const emulator = await startEmulator({faults: {rateLimit: {count: 2, retryAfter: 0}, serverErrors: {count: 2, status: 503}}});
	t.after(async () => emulator.close());
	const result = await runCliCaptured(['compare', 'SM-S918B', 'EUX', 'DBT', 'BTU', '--json', '--concurrency', '1'], {FUSDECK_FOTA_URL: emulator.url});
	assert.equal(result.code, 0, result.stderr);
	const rows = JSON.parse(result.stdout) as Array<{csc: string; state: string}>;
	assert.deepEqual(rows.map(row => row.state), ['ok', 'ok', 'ok']);
	assert.equal(emulator.faults.rateLimit?.count, 0);
	assert.equal(emulator.faults.serverErrors?.count, 0);
});

test('regions against the emulator lists exactly the emulator CSCs of a model', async t => {
	const emulator = await startEmulator();
	const config = await mkdtemp(join(tmpdir(), 'fusdeck-regions-emu-'));
	t.after(async () => {
		await emulator.close();
		await rm(config, {recursive: true, force: true});
	});
	const result = await runCliCaptured(['regions', 'SM-A546B', '--json'], {FUSDECK_FOTA_URL: emulator.url, FUSDECK_CONFIG_DIR: config});
	assert.equal(result.code, 0, result.stderr);
	const {regions} = JSON.parse(result.stdout) as {regions: Array<{csc: string}>};
	const truth = Object.keys(emulator.catalog.find(m => m.model === 'SM-A546B')!.builds);
	assert.deepEqual(regions.map(region => region.csc).sort(), truth.sort());
});
