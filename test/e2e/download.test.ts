/** Downloads against the emulator: the decrypted bytes must be exactly the emulator's plaintext. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type Emulator} from '../../source/emulator/server.js';
import {openDownload} from '../../source/core/fus/open-download.js';
import {downloadFile} from '../../source/core/transfer/download-file.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {runBinary} from '../helpers/spawn-cli.js';
import {SettingsStore} from '../../source/core/store/settings-store.js';
import {imeiFromTac} from '../helpers/read-source.js';

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

async function setup(t: {after(fn: () => Promise<void>): void}, options: Parameters<typeof startEmulator>[0] = {}) {
	const emulator = await startEmulator(options);
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-dl-'));
	const out = join(dir, 'out');
	const config = join(dir, 'config');
	await import('node:fs/promises').then(async fs => fs.mkdir(out));
	t.after(async () => {
		await emulator.close();
		await rm(dir, {recursive: true, force: true});
	});
	const env = {FUSDECK_FUS_URL: emulator.url, FUSDECK_DOWNLOAD_URL: emulator.url, FUSDECK_FOTA_URL: emulator.url, FUSDECK_CONFIG_DIR: config};
	return {emulator, out, env};
}

const finalName = async (emulator: Emulator, model: string, csc: string, version?: string) => (await emulator.firmware(model, csc, version)).binaryName.replace(/\.enc[24]$/, '');

test('fusdeck download with no IMEI and an empty config gives the exact plaintext, and nothing else in the folder', async t => {
	const {emulator, out, env} = await setup(t);
	const result = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, '--json'], env);
	assert.equal(result.code, 0, result.stderr);
	const answer = JSON.parse(result.stdout) as {path: string; protocol: string};
	assert.equal(answer.protocol, 'smart');
	assert.deepEqual(await readdir(out), [await finalName(emulator, 'SM-S918B', 'EUX')]);
	assert.equal(await sha256(answer.path), (await emulator.firmware('SM-S918B', 'EUX')).plainSha256);
});

test('--build downloads an older build exactly; a served-latest reply stops before any transfer', async t => {
	const {emulator, out, env} = await setup(t);
	const older = emulator.catalog.find(m => m.model === 'SM-S918B')!.builds['EUX']![1]!;
	const pda = older.split('/')[0]!;
	const ok = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, '--build', pda, '--json'], env);
	assert.equal(ok.code, 0, ok.stderr);
	assert.equal(await sha256(JSON.parse(ok.stdout).path), (await emulator.firmware('SM-S918B', 'EUX', older)).plainSha256);
	emulator.faults.serveOlderBuilds = false;
	await rm(JSON.parse(ok.stdout).path);
	const stopped = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, '--build', older], env);
	assert.equal(stopped.code, 3);
	assert.match(stopped.stderr, /Asked for .* but the server offers .*--accept-latest/);
	assert.deepEqual(await readdir(out), []);
});

test('with Smart refused, auto falls back to classic with the given IMEI, and without one says what to do', async t => {
	const {emulator, out, env} = await setup(t, {faults: {refuseSmart: true}});
	const without = await runBinary(['download', 'SM-A546B', 'EUX', '--out', out], env);
	assert.equal(without.code, 3);
	assert.match(without.stderr, /no IMEI or serial is stored for SM-A546B/);
	const withImei = await runBinary(['download', 'SM-A546B', 'EUX', '--out', out, '--imei', imeiFromTac('35066581'), '--json'], env);
	assert.equal(withImei.code, 0, withImei.stderr);
	assert.equal(JSON.parse(withImei.stdout).protocol, 'classic');
	assert.equal(await sha256(JSON.parse(withImei.stdout).path), (await emulator.firmware('SM-A546B', 'EUX')).plainSha256);
});

test('with Smart refused, auto falls back to classic with the IMEI stored for the model, remembers it, and tries classic first next time', async t => {
	const {emulator, out, env} = await setup(t, {faults: {refuseSmart: true}});
	const store = new SettingsStore({configDir: env.FUSDECK_CONFIG_DIR});
	store.addDeviceId('SM-A546B', imeiFromTac('35066581'));
	const first = await runBinary(['download', 'SM-A546B', 'EUX', '--out', out, '--json'], env);
	assert.equal(first.code, 0, first.stderr);
	const answer = JSON.parse(first.stdout) as {protocol: string; path: string};
	assert.equal(answer.protocol, 'classic');
	assert.equal(await sha256(answer.path), (await emulator.firmware('SM-A546B', 'EUX')).plainSha256);
	assert.equal(new SettingsStore({configDir: env.FUSDECK_CONFIG_DIR}).getSnapshot().protocolByModel['SM-A546B'], 'classic');

	// Next time classic goes first: Smart is not even asked.
	const smartBefore = emulator.stats()['/NF_SmartDownloadBinaryInform.do'] ?? 0;
	await rm(answer.path);
	const second = await runBinary(['download', 'SM-A546B', 'EUX', '--out', out], env);
	assert.equal(second.code, 0, second.stderr);
	assert.match(second.stderr, /via classic/);
	assert.equal(emulator.stats()['/NF_SmartDownloadBinaryInform.do'] ?? 0, smartBefore);
});

test('a wrong CRC fails verification with exit 4: no final file, the bytes kept as .failed evidence', async t => {
	const {emulator, out, env} = await setup(t, {faults: {corruptCrc: true}});
	const result = await runBinary(['download', 'SM-S918B', 'XEF', '--out', out, '--json'], env);
	assert.equal(result.code, 4);
	const error = JSON.parse(result.stdout).error as {code: string; message: string};
	assert.equal(error.code, 'CRC_MISMATCH');
	const evidence = `${await finalName(emulator, 'SM-S918B', 'XEF')}.failed`;
	assert.match(error.message, new RegExp(`kept as .*${evidence.replaceAll('.', '\\.')}.*delete it and download again`));
	assert.deepEqual(await readdir(out), [evidence]);
});

test('a corrupted .tar.md5 member fails with exit 4 naming the member, and no final file', async t => {
	const {out, env} = await setup(t, {faults: {corruptMember: 'AP'}});
	const result = await runBinary(['download', 'SM-S918B', 'XEF', '--out', out], env);
	assert.equal(result.code, 4);
	assert.match(result.stderr, /AP_S918B\w*.*tar\.md5/);
	assert.match(result.stderr, /fix: /);
	assert.deepEqual((await readdir(out)).filter(name => !name.endsWith('.failed')), []);
});

test('link expiry mid-download, 429, 5xx and a reset are all absorbed over 3 connections and the bytes stay exact', async t => {
	const {emulator, out} = await setup(t, {firmwareSize: 512 * 1024});
	const endpoints = {fus: emulator.url, download: emulator.url, fota: emulator.url};
	const version = emulator.catalog.find(m => m.model === 'SM-S918B')!.builds['DBT']![0]!;
	const opened = await openDownload({model: 'SM-S918B', csc: 'DBT', version}, {endpoints, protocol: 'smart'});
	const clock = new FakeClock();
	let writes = 0;
	const result = await downloadFile({
		source: opened.source,
		remote: opened.remote,
		destDir: out,
		connections: 3,
		maxLeaseBytes: 32 * 1024,
		clock,
		onProgress() {
			writes++;
			if (writes === 1) {
				emulator.expireAllLinks();
			} else if (writes === 3) {
				emulator.faults.rateLimit = {count: 1, retryAfter: 3};
			} else if (writes === 5) {
				emulator.faults.serverErrors = {count: 2, status: 503};
			} else if (writes === 7) {
				emulator.faults.resetAfterBytes = {bytes: 1000, count: 1};
			}
		},
	});
	assert.equal(await sha256(result.path), (await emulator.firmware('SM-S918B', 'DBT')).plainSha256);
	assert.deepEqual(await readdir(out), [await finalName(emulator, 'SM-S918B', 'DBT')]);
	assert.ok(clock.sleeps.some(ms => ms >= 2900), `Retry-After 3 s is honoured (sleeps: ${clock.sleeps.join(', ')})`);
	assert.ok(result.retries >= 4, `one retry for the 429, two for the 503s, one for the reset (got ${result.retries})`);
	assert.equal(result.renewals, 1, 'the connections share one renewal');
	assert.equal(result.verifiedEarly, true, 'every member was checked while the bytes arrived');
	assert.equal(result.members.length, (await emulator.firmware('SM-S918B', 'DBT')).packages.length);
	assert.equal(emulator.stats()['/NF_SmartDownloadBinaryInitForMass.do'], 2, 'the expired link was renewed once');
});

test('a mistyped --imei is a usage error before any request; a damaged settings file is kept aside and the user told', async t => {
	const {emulator, out, env} = await setup(t);
	const typo = await runBinary(['download', 'SM-A546B', 'EUX', '--out', out, '--imei', '350665810000001'], env);
	assert.equal(typo.code, 2, typo.stderr);
	assert.match(typo.stderr, /check digit|Luhn/);
	assert.equal(emulator.stats()['/NF_SmartDownloadBinaryInform.do'] ?? 0, 0, 'nothing was sent');

	// An empty --build would otherwise fetch the latest build, an empty --out write into the current folder.
	for (const option of ['--build', '--out']) {
		const empty = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, option, '', '--json'], env);
		assert.equal(empty.code, 2, empty.stderr);
		assert.match(empty.stderr, new RegExp(`${option} was given an empty value`));
		assert.equal(JSON.parse(empty.stdout).error.code, 'USAGE');
	}

	assert.equal(emulator.stats()['/NF_SmartDownloadBinaryInform.do'] ?? 0, 0, 'nothing was sent');

	await import('node:fs/promises').then(async fs => {
		await fs.mkdir(env.FUSDECK_CONFIG_DIR, {recursive: true});
		await fs.writeFile(join(env.FUSDECK_CONFIG_DIR, 'config.json'), '{"deviceIds": ');
	});
	const damaged = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out], env);
	assert.equal(damaged.code, 0, damaged.stderr);
	assert.match(damaged.stderr, /settings file was damaged and has been kept as .*config\.json/);
});

test('a 503 or 429 before the transfer (version.xml, nonce, inform, init) is retried, like one during it', async t => {
	const {emulator, out, env} = await setup(t);
	// The first two requests of the download fail: version.xml, then the first FUS call.
	emulator.faults.serverErrors = {count: 2, status: 503};
	const download = await runBinary(['download', 'SM-S918B', 'EUX', '--out', out, '--json'], env);
	assert.equal(download.code, 0, download.stderr);
	assert.equal(await sha256((JSON.parse(download.stdout) as {path: string}).path), (await emulator.firmware('SM-S918B', 'EUX')).plainSha256);
	emulator.faults.rateLimit = {count: 1, retryAfter: 1};
	const check = await runBinary(['check', 'SM-S918B', 'EUX', '--json'], env);
	assert.equal(check.code, 0, check.stderr);
	// A server that keeps failing is reported after a few tries, not waited out.
	emulator.faults.serverErrors = {count: 100, status: 503};
	const failing = await runBinary(['check', 'SM-S918B', 'EUX'], env);
	assert.equal(failing.code, 3);
	assert.equal(emulator.faults.serverErrors.count, 100 - 4, 'four tries in all');
});
