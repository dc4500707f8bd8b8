import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {FusError} from '../../source/core/errors.js';
import {discoverRegions} from '../../source/core/versions/discover-regions.js';
import {RegionCache} from '../../source/core/versions/region-cache.js';
import type {VersionInfo} from '../../source/core/versions/version-xml.js';

async function tempCache(t: {after(run: () => Promise<void>): void}) {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-discover-'));
	t.after(async () => rm(dir, {recursive: true, force: true}));
	return new RegionCache(dir);
}

const info = (csc: string, latest?: string): VersionInfo => ({model: 'SM-S918B', csc, latest, upgrades: []});
const noSleep = async () => {};

test('discovery reports progress per CSC, caches what it learnt and names the failed probes', async t => {
	const cache = await tempCache(t);
	const progress: string[] = [];
	const discovery = await discoverRegions('SM-S918B', {
		cache,
		cscs: ['EUX', 'SFR', 'ZZZ', 'BAD'],
		now: () => 5000,
		sleep: noSleep,
		async fetch(_model, csc) {
			if (csc === 'EUX') return info(csc, 'A/B/C/D');
			if (csc === 'SFR') return info(csc);
			if (csc === 'BAD') throw new FusError('SERVER_ERROR', 'down');
			throw new FusError('UNKNOWN_PAIR', 'no such pair');
		},
		onResult: (result, done, total) => progress.push(`${done}/${total}`),
	});
	assert.deepEqual(progress, ['1/4', '2/4', '3/4', '4/4']);
	assert.deepEqual(discovery.failed, ['BAD']);
	assert.equal(discovery.cached, true);
	assert.deepEqual(discovery.entry.regions.map(region => [region.csc, region.state]), [['EUX', 'ok'], ['SFR', 'none'], ['ZZZ', 'unknown']]);
	assert.equal((await cache.get('SM-S918B', {now: 5000}))?.fetchedAt, 5000);
});

test('a run in which every probe failed is not cached: it says nothing about the model', async t => {
	const cache = await tempCache(t);
	const discovery = await discoverRegions('SM-S918B', {
		cache,
		cscs: ['EUX', 'XEF'],
		sleep: noSleep,
		fetch: async () => {
			throw new FusError('NETWORK', 'offline');
		},
	});
	assert.equal(discovery.cached, false);
	assert.deepEqual(discovery.failed, ['EUX', 'XEF']);
	assert.equal(await cache.get('SM-S918B', {maxAgeMs: Number.POSITIVE_INFINITY}), undefined);
});

test('a cancelled discovery throws and leaves the cache alone', async t => {
	const cache = await tempCache(t);
	const controller = new AbortController();
	await assert.rejects(discoverRegions('SM-S918B', {
		cache,
		cscs: ['EUX', 'XEF'],
		signal: controller.signal,
		async fetch(_model, csc) {
			controller.abort();
			return info(csc, 'A/B/C/D');
		},
	}), {code: 'CANCELLED'});
	assert.equal(await cache.get('SM-S918B', {maxAgeMs: Number.POSITIVE_INFINITY}), undefined);
});
