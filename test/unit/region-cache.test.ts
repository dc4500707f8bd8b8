import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, rm, stat, writeFile, readdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {RegionCache} from '../../source/core/versions/region-cache.js';
import {FusError} from '../../source/core/errors.js';

test('the region cache keeps found regions with their age, skips failed probes, and expires', async t => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-cache-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	const cache = new RegionCache(dir);
	await cache.set('SM-S918B', [
		{csc: 'EUX', state: 'ok', info: {model: 'SM-S918B', csc: 'EUX', latest: 'A/B/C/D', android: '15', upgrades: []}},
		{csc: 'XXX', state: 'unknown'},
		{csc: 'BAD', state: 'failed', error: new FusError('SERVER_ERROR', 'down')},
	], 1000);
	const entry = await cache.get('SM-S918B', {now: 2000, maxAgeMs: 5000});
	assert.deepEqual(entry?.regions.map(r => [r.csc, r.state, r.latest]), [['EUX', 'ok', 'A/B/C/D'], ['XXX', 'unknown', null]]);
	assert.equal(await cache.get('SM-S918B', {now: 10_000, maxAgeMs: 5000}), undefined);
	assert.equal(await cache.get('SM-A546B'), undefined);
	const file = join(dir, 'regions', 'SM-S918B.json');
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	assert.deepEqual(await readdir(join(dir, 'regions')), ['SM-S918B.json']);
	await writeFile(file, '{"model": "SM-S918B", "fetchedAt": 1');
	assert.equal(await cache.get('SM-S918B', {now: 2000}), undefined, 'a damaged cache file reads as a miss');
});

test('a probe where every CSC failed (offline, cancelled) is not cached, so it cannot answer "none" later', async t => {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-cache-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	const cache = new RegionCache(dir);
	const entry = await cache.set('SM-S918B', [
		{csc: 'EUX', state: 'failed', error: new FusError('NETWORK', 'offline')},
		{csc: 'XEF', state: 'failed', error: new FusError('CANCELLED', 'Cancelled')},
	], 1000);
	assert.deepEqual(entry.regions, []);
	assert.equal(await cache.get('SM-S918B', {now: 1000}), undefined);
});
