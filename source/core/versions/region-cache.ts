/**
 * Which CSCs carry firmware for a model, as found by probing version.xml, cached per model with the
 * time it was fetched so panes and `fusdeck regions` answer at once and refresh when asked or stale.
 */
import {join} from 'node:path';
import {readJsonIfValid, writeJsonAtomic} from '../store/atomic-json.js';
import type {RegionResult} from './latest-across.js';

export type CachedRegion = {csc: string; state: RegionResult['state']; latest: string | null; android: string | null};

export type RegionCacheEntry = {model: string; fetchedAt: number; regions: CachedRegion[]};

export const defaultRegionMaxAgeMs = 6 * 60 * 60 * 1000;

export class RegionCache {
	private readonly folder: string;

	constructor(cacheDir: string) {
		this.folder = join(cacheDir, 'regions');
	}

	async get(model: string, options: {maxAgeMs?: number; now?: number} = {}): Promise<RegionCacheEntry | undefined> {
		const entry = await readJsonIfValid(this.pathOf(model));
		if (!isEntry(entry) || entry.model !== model) {
			return undefined;
		}

		const age = (options.now ?? Date.now()) - entry.fetchedAt;
		return age >= 0 && age <= (options.maxAgeMs ?? defaultRegionMaxAgeMs) ? entry : undefined;
	}

	async set(model: string, results: RegionResult[], now = Date.now()): Promise<RegionCacheEntry> {
		const entry = regionCacheEntry(model, results, now);
		// A probe where every CSC failed (offline, cancelled) learned nothing; caching it would
		// answer "no CSC carries firmware" for hours.
		if (entry.regions.length > 0) {
			await writeJsonAtomic(this.pathOf(model), entry);
		}

		return entry;
	}

	private pathOf(model: string): string {
		// Model codes are validated upstream; this keeps the name plain even so.
		return join(this.folder, `${model.replaceAll(/[^\w-]/g, '_')}.json`);
	}
}

/** What the cache keeps of a probe run. Failed probes are not facts about the model: they are left out. */
export function regionCacheEntry(model: string, results: readonly RegionResult[], now: number): RegionCacheEntry {
	const regions = results.filter(result => result.state !== 'failed').map(result => ({
		csc: result.csc,
		state: result.state,
		latest: result.info?.latest ?? null,
		android: result.info?.android ?? null,
	}));
	return {model, fetchedAt: now, regions};
}

function isEntry(value: unknown): value is RegionCacheEntry {
	const entry = value as RegionCacheEntry;
	return typeof entry === 'object' && entry !== null && typeof entry.model === 'string' && typeof entry.fetchedAt === 'number' && Array.isArray(entry.regions);
}
