/** The FUS client against the project's emulator: both variants, fallback, expiry, history, faults. */
import {test} from 'node:test';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import assert from 'node:assert/strict';
import {startEmulator, type Emulator} from '../../source/emulator/server.js';
import {openDownload} from '../../source/core/fus/open-download.js';
import {FusError} from '../../source/core/errors.js';
import {downloadAndHash, imeiFromTac} from '../helpers/read-source.js';
import {runCliCaptured} from '../helpers/run-cli.js';
import {downloadFile} from '../../source/core/transfer/download-file.js';
import {readTarMd5} from '../helpers/tar-md5-reader.js';
import {readZip} from '../helpers/zip-reader.js';

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

async function bodyOf(response: {body: AsyncIterable<unknown>}): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of response.body) {
		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks);
}

test('ranged downloads stream the exact slice of the encrypted file; a range past the end is 416', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	const opened = await openDownload({model: 'SM-S918B', csc: 'EUX', version: latestOf(emulator, 'SM-S918B', 'EUX')}, {endpoints: endpointsOf(emulator), protocol: 'smart'});
	const firmware = await emulator.firmware('SM-S918B', 'EUX');
	const encrypted = await readFile(firmware.encryptedPath);
	assert.equal(opened.remote.size, encrypted.length);
	for (const [start, end] of [[0, 15], [1000, 70_000], [encrypted.length - 16, encrypted.length - 1], [encrypted.length - 5, encrypted.length + 100]] as const) {
		const response = await opened.source.requestRange(start, end);
		const last = Math.min(end, encrypted.length - 1);
		assert.equal(response.statusCode, 206);
		assert.equal(response.headers['content-range'], `bytes ${start}-${last}/${encrypted.length}`);
		assert.ok((await bodyOf(response)).equals(encrypted.subarray(start, last + 1)), `bytes ${start}-${end}`);
	}

	const past = await opened.source.requestRange(encrypted.length, encrypted.length + 10);
	await bodyOf(past);
	assert.equal(past.statusCode, 416);
	assert.equal(past.headers['content-range'], `bytes */${encrypted.length}`);
});

test('the bandwidth cap paces each connection: 1.5 MB at 1 MB/s takes over 1.2 s, and a second connection gets its own cap', async t => {
	const emulator = await startEmulator({firmwareSize: 4 * 1024 * 1024, faults: {bandwidthPerConnection: 1_000_000}});
	t.after(async () => emulator.close());
	const opened = await openDownload({model: 'SM-S918B', csc: 'EUX', version: latestOf(emulator, 'SM-S918B', 'EUX')}, {endpoints: endpointsOf(emulator), protocol: 'smart'});
	const started = performance.now();
	const body = await bodyOf(await opened.source.requestRange(0, 1_499_999));
	const alone = (performance.now() - started) / 1000;
	assert.equal(body.length, 1_500_000);
	assert.ok(alone >= 1.2, `1.5 MB at 1 MB/s took only ${alone.toFixed(2)} s`);
	assert.ok(alone < 6, `1.5 MB at 1 MB/s took ${alone.toFixed(2)} s`);

	// Two connections side by side each move 1 MB in about a second: the cap is per connection.
	const together = performance.now();
	const both = await Promise.all([opened.source.requestRange(0, 999_999), opened.source.requestRange(1_000_000, 1_999_999)].map(async request => bodyOf(await request)));
	const elapsed = (performance.now() - together) / 1000;
	assert.deepEqual(both.map(part => part.length), [1_000_000, 1_000_000]);
	assert.ok(elapsed >= 0.8 && elapsed < 1.8, `2 × 1 MB on two connections took ${elapsed.toFixed(2)} s (one shared cap would need 2 s)`);
});

test('corruptMember: the download passes its CRC32 check, and the damaged package fails its .tar.md5 check', async t => {
	const emulator = await startEmulator({faults: {corruptMember: 'CSC'}});
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-corrupt-'));
	t.after(async () => {
		await emulator.close();
		await rm(dir, {recursive: true, force: true});
	});
	const opened = await openDownload({model: 'SM-A546B', csc: 'EUX', version: latestOf(emulator, 'SM-A546B', 'EUX')}, {endpoints: endpointsOf(emulator), protocol: 'smart'});
	// The engine checks CRC32 first (it passes: the byte was flipped before encryption), then every member.
	await assert.rejects(downloadFile({source: opened.source, remote: opened.remote, destDir: dir}), (error: {code: string; message: string}) => error.code === 'MD5_MISMATCH' && /CSC_OXM_/.test(error.message) && /\.failed/.test(error.message));
	const kept = (await readdir(dir)).filter(name => name.endsWith('.failed'));
	assert.equal(kept.length, 1, 'the evidence is kept');
	const failing = readZip(await readFile(join(dir, kept[0]!))).filter(entry => {
		const tar = readTarMd5(entry.data);
		return tar.statedMd5 !== tar.actualMd5;
	});
	assert.deepEqual(failing.map(entry => entry.name.split('_OXM_')[0]), ['CSC']);
});

test('the admin endpoint sets and clears bandwidthPerConnection and corruptMember, and refuses values it cannot use', async t => {
	const emulator = await startEmulator();
	t.after(async () => emulator.close());
	const post = async (body: unknown) => fetch(`${emulator.url}/__emulator/faults`, {method: 'POST', body: JSON.stringify(body)});
	assert.equal((await post({bandwidthPerConnection: 2_000_000, corruptMember: 'BL'})).status, 200);
	assert.equal(emulator.faults.bandwidthPerConnection, 2_000_000);
	assert.equal(emulator.faults.corruptMember, 'BL');
	const refused = await post({corruptMember: 'XX'});
	assert.equal(refused.status, 400);
	assert.match(((await refused.json()) as {error: string}).error, /corruptMember: one of BL, AP, CP, CSC, HOME_CSC/);
	assert.equal((await post({bandwidthPerConnection: -1})).status, 400);
	const misspelt = await post({corruptCRC: true, refuseSmart: true});
	assert.equal(misspelt.status, 400);
	assert.match(((await misspelt.json()) as {error: string}).error, /unknown fault "corruptCRC"; the faults are .*corruptCrc/);
	assert.equal(emulator.faults.refuseSmart, undefined, 'nothing of a refused update is applied');
	assert.equal(emulator.faults.corruptMember, 'BL', 'a refused update changes nothing');
	assert.equal((await post({bandwidthPerConnection: null, corruptMember: null})).status, 200);
	assert.equal(emulator.faults.bandwidthPerConnection, undefined);
	assert.equal('corruptMember' in emulator.faults, false);
});
