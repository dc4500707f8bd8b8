/**
 * The config folder holds IMEIs: files there are 0600 in a 0700 folder, replaced whole by rename
 * (never rewritten in place), and a crash in the middle of a write cannot damage them.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {readJsonIfValid, writeJsonAtomic} from '../../source/core/store/atomic-json.js';
import {SettingsStore} from '../../source/core/store/settings-store.js';
import {defaultSettings} from '../../source/core/store/settings-types.js';

const imei = '351234567890124';

function tempDir(t: {after(fn: () => void): void}): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'fusdeck-safety-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

test('the settings store creates its folder 0700 and its file 0600', t => {
	const dir = path.join(tempDir(t), 'config');
	const store = new SettingsStore({configDir: dir});
	store.addDeviceId('SM-S918B', imei);
	assert.equal(statSync(dir).mode & 0o777, 0o700);
	assert.equal(statSync(store.path).mode & 0o777, 0o600);
});

test('a config file left world-readable (older version, another tool) is tightened to 0600 on open', t => {
	const dir = tempDir(t);
	const file = path.join(dir, 'config.json');
	// A complete file: conf has nothing to add, so it does not rewrite it (which would fix the mode by itself).
	writeFileSync(file, JSON.stringify({...defaultSettings(), deviceIds: {'SM-S918B': [imei]}}, null, '\t'));
	chmodSync(file, 0o644);
	const inode = statSync(file).ino;
	const store = new SettingsStore({configDir: dir});
	assert.equal(statSync(file).ino, inode, 'the file was opened, not rewritten');
	assert.equal(statSync(file).mode & 0o777, 0o600);
	assert.deepEqual(store.deviceIdsFor('SM-S918B'), [imei], 'and nothing in it was lost');
});

test('every settings write replaces the file by rename (a new inode), never rewrites it in place', t => {
	const dir = tempDir(t);
	const store = new SettingsStore({configDir: dir});
	store.addDeviceId('SM-S918B', imei);
	const before = statSync(store.path).ino;
	store.setConcurrency(3);
	assert.notEqual(statSync(store.path).ino, before, 'an in-place write would keep the inode, and a crash during it would leave half a file');
	assert.deepEqual(readdirSync(dir), ['config.json'], 'no temporary file is left after a write');
});

test('a crash in the middle of a settings write (a leftover temporary file) does not damage the settings', t => {
	const dir = tempDir(t);
	const first = new SettingsStore({configDir: dir});
	first.addDeviceId('SM-S918B', imei);
	first.setPreferredRegions(['EUX']);
	// What the atomic writer leaves when the process dies between writing its temp file and the rename.
	const leftover = path.join(dir, 'config.json.tmp-1764041820a1b2c3');
	writeFileSync(leftover, '{"deviceIds": {"SM-S918B": ["3512', {mode: 0o600});
	const second = new SettingsStore({configDir: dir});
	assert.equal(second.recoveredFrom, undefined, 'the real file is intact: nothing to recover');
	assert.deepEqual(second.deviceIdsFor('SM-S918B'), [imei]);
	assert.deepEqual(second.getSnapshot().preferredRegions, ['EUX']);
	second.toggleFavourite('SM-S918B');
	assert.deepEqual(new SettingsStore({configDir: dir}).getSnapshot().favouriteModels, ['SM-S918B']);
	assert.doesNotThrow(() => JSON.parse(readFileSync(second.path, 'utf8')));
});

test('a damaged config is never wiped: it is moved aside, byte for byte, and the user is told where', t => {
	const dir = tempDir(t);
	const file = path.join(dir, 'config.json');
	const damaged = `{"deviceIds": {"SM-S918B": ["${imei}"]`;
	writeFileSync(file, damaged);
	const store = new SettingsStore({configDir: dir, now: () => new Date('2026-01-02T03:04:05Z')});
	assert.equal(store.recoveredFrom, `${file}.corrupt-20260102T030405Z`);
	assert.equal(readFileSync(store.recoveredFrom, 'utf8'), damaged);
	assert.equal(statSync(store.recoveredFrom).mode & 0o777, 0o600);
});

test('writeJsonAtomic writes 0600 by rename and leaves no temporary file, also when the value cannot be written', async t => {
	const dir = tempDir(t);
	const file = path.join(dir, 'cache', 'entry.json');
	await writeJsonAtomic(file, {a: 1});
	const before = statSync(file).ino;
	await writeJsonAtomic(file, {a: 2});
	assert.notEqual(statSync(file).ino, before);
	assert.equal(statSync(file).mode & 0o777, 0o600);
	assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
	await assert.rejects(writeJsonAtomic(file, {big: 1n}), TypeError);
	assert.deepEqual(await readJsonIfValid(file), {a: 2}, 'a failed write leaves the old content');
	assert.deepEqual(readdirSync(path.dirname(file)), ['entry.json'], 'and no temporary file');
});

test('a leftover temporary file beside a JSON file is never read in its place', async t => {
	const dir = tempDir(t);
	const file = path.join(dir, 'entry.json');
	await writeJsonAtomic(file, {a: 1});
	writeFileSync(`${file}.deadbeef.tmp`, '{"a": 2', {mode: 0o600});
	assert.deepEqual(await readJsonIfValid(file), {a: 1});
	await writeJsonAtomic(file, {a: 3});
	assert.deepEqual(await readJsonIfValid(file), {a: 3});
});
