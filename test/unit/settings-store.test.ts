import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {isFusdeckError} from '../../source/core/errors.js';
import {normaliseDeviceId} from '../../source/core/store/device-id.js';
import {isLuhnValid as luhnValid} from '../../source/core/identity/luhn.js';
import Conf from 'conf';
import {SettingsStore} from '../../source/core/store/settings-store.js';
import {settingsSchema} from '../../source/core/store/settings-schema.js';

const validImei = '351234567890124'; // Luhn-valid
const fixedNow = () => new Date('2026-11-25T03:37:00.123Z');

function withDir(run: (dir: string) => void) {
	const dir = mkdtempSync(path.join(tmpdir(), 'fusdeck-settings-'));
	try {
		run(dir);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

function codeOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		return isFusdeckError(error) ? error.code : `not a FusdeckError: ${String(error)}`;
	}

	return 'did not throw';
}

test('luhn accepts a valid IMEI and rejects a changed check digit', () => {
	assert.equal(luhnValid(validImei), true);
	assert.equal(luhnValid('351234567890125'), false);
	assert.equal(luhnValid('490154203237518'), true); // the usual worked example of the IMEI check digit
});

test('device ids: IMEI with a bad check digit, wrong length or junk is refused with INVALID_IMEI', () => {
	assert.equal(codeOf(() => normaliseDeviceId('351234567890125')), 'INVALID_IMEI');
	assert.equal(codeOf(() => normaliseDeviceId('35123456789012')), 'INVALID_IMEI');
	assert.equal(codeOf(() => normaliseDeviceId('R5CW12-ABC')), 'INVALID_IMEI');
	assert.deepEqual(normaliseDeviceId(' r5cw1234abc '), {id: 'R5CW1234ABC', kind: 'serial'});
	assert.deepEqual(normaliseDeviceId(validImei), {id: validImei, kind: 'imei'});
});

test('settings persist across store instances', () => withDir(dir => {
	const first = new SettingsStore({configDir: dir});
	first.addDeviceId('sm-s918b', validImei);
	first.setPreferredRegions(['eux', 'XEF', 'EUX']);
	first.toggleFavourite('SM-S918B');
	first.noteRecent('SM-A546B');
	first.noteRecent('SM-S918B');
	first.setConcurrency(3);
	first.setConnectionsPerJob(8);
	first.setProtocol('smart');
	first.rememberProtocol('SM-S918B', 'classic');
	first.setDownloadFolder('/tmp/fw');

	const second = new SettingsStore({configDir: dir}).getSnapshot();
	assert.deepEqual(second.deviceIds, {'SM-S918B': [validImei]});
	assert.deepEqual(second.preferredRegions, ['EUX', 'XEF']);
	assert.deepEqual(second.favouriteModels, ['SM-S918B']);
	assert.deepEqual(second.recentModels, ['SM-S918B', 'SM-A546B']);
	assert.equal(second.concurrency, 3);
	assert.equal(second.connectionsPerJob, 8);
	assert.equal(second.protocol, 'smart');
	assert.deepEqual(second.protocolByModel, {'SM-S918B': 'classic'});
	assert.equal(second.downloadFolder, '/tmp/fw');
}));

test('invalid values are refused and leave the stored settings unchanged', () => withDir(dir => {
	const store = new SettingsStore({configDir: dir});
	store.setConcurrency(2);
	assert.equal(codeOf(() => store.addDeviceId('SM-S918B', '351234567890125')), 'INVALID_IMEI');
	assert.equal(codeOf(() => store.setConcurrency(0)), 'USAGE');
	assert.equal(codeOf(() => store.setConcurrency(2.5)), 'USAGE');
	assert.equal(codeOf(() => store.setConnectionsPerJob(99)), 'USAGE');
	assert.equal(codeOf(() => store.setProtocol('fast')), 'USAGE');
	assert.equal(codeOf(() => store.setPreferredRegions(['EUROPE'])), 'USAGE');
	assert.equal(codeOf(() => store.toggleFavourite('Galaxy S23')), 'USAGE');
	const reread = new SettingsStore({configDir: dir}).getSnapshot();
	assert.deepEqual(reread.deviceIds, {});
	assert.equal(reread.concurrency, 2);
	assert.equal(reread.protocol, 'auto');
}));

test('the config file is written with mode 0600', () => withDir(dir => {
	const store = new SettingsStore({configDir: dir});
	store.addDeviceId('SM-S918B', validImei);
	assert.equal(statSync(store.path).mode & 0o777, 0o600);
	assert.equal(statSync(path.join(dir, 'config.json')).mode & 0o777, 0o600);
}));

test('subscribers hear each change and the snapshot is replaced, not mutated', () => withDir(dir => {
	const store = new SettingsStore({configDir: dir});
	const before = store.getSnapshot();
	let calls = 0;
	const unsubscribe = store.subscribe(() => calls++);
	store.toggleFavourite('SM-S918B');
	unsubscribe();
	store.toggleFavourite('SM-S918B');
	assert.equal(calls, 1);
	assert.notEqual(store.getSnapshot(), before);
	assert.deepEqual(before.favouriteModels, []);
}));

test('a config file with invalid JSON is moved aside, kept, and a fresh config starts', () => withDir(dir => {
	const file = path.join(dir, 'config.json');
	const damaged = '{"deviceIds": {"SM-S918B": ["3512345678901';
	writeFileSync(file, damaged, {mode: 0o644});
	const store = new SettingsStore({configDir: dir, now: fixedNow});
	const backup = `${file}.corrupt-20261125T033700Z`;
	assert.equal(store.recoveredFrom, backup);
	assert.equal(readFileSync(backup, 'utf8'), damaged);
	assert.equal(statSync(backup).mode & 0o777, 0o600);
	assert.deepEqual(store.getSnapshot().deviceIds, {});
	store.toggleFavourite('SM-S918B');
	assert.deepEqual(new SettingsStore({configDir: dir}).getSnapshot().favouriteModels, ['SM-S918B']);
	assert.deepEqual(readdirSync(dir).sort(), ['config.json', 'config.json.corrupt-20261125T033700Z']);
}));

test('a config file that breaks the schema is moved aside the same way', () => withDir(dir => {
	const file = path.join(dir, 'config.json');
	writeFileSync(file, JSON.stringify({concurrency: 'many', deviceIds: {'SM-S918B': ['123']}}));
	const store = new SettingsStore({configDir: dir, now: fixedNow});
	assert.ok(store.recoveredFrom?.endsWith('.corrupt-20261125T033700Z'));
	assert.match(readFileSync(store.recoveredFrom ?? '', 'utf8'), /"many"/);
	assert.equal(store.getSnapshot().concurrency, 2);
}));

test('a healthy file reports no recovery', () => withDir(dir => {
	new SettingsStore({configDir: dir}).setConcurrency(4);
	assert.equal(new SettingsStore({configDir: dir}).recoveredFrom, undefined);
}));

test('the settings schema is valid JSON Schema (the store skips that check at start-up)', () => withDir(dir => {
	// conf checks a schema against the meta-schema unless told not to, as SettingsStore does.
	assert.doesNotThrow(() => new Conf({cwd: dir, schema: settingsSchema as never}));
	const broken = {...settingsSchema, concurrency: {type: 'integer', minimum: 'one'}};
	assert.throws(() => new Conf({cwd: dir, schema: broken as never}), /schema is invalid/);
}));
