/**
 * Region discovery: which CSCs carry firmware for a model, found by probing version.xml for every
 * CSC (bounded and rate-limit aware through latestAcross) and kept in the region cache. Shared by
 * `fusdeck regions` and the workstation's Regions pane, so both probe and cache the same way.
 */
import {FusdeckError} from '../errors.js';
import {latestAcross, type LatestAcrossOptions, type RegionResult} from './latest-across.js';
import type {RegionCache, RegionCacheEntry} from './region-cache.js';

export type DiscoverRegionsOptions = {
	cache: RegionCache;
	/** The CSCs to probe (the whole catalog, as a rule). */
	cscs: readonly string[];
	fetch: LatestAcrossOptions['fetch'];
	concurrency?: number;
	signal?: AbortSignal;
	now?: () => number;
	sleep?: LatestAcrossOptions['sleep'];
	/** Called once per CSC as its answer arrives, with how many of `total` are answered. */
	onResult?: (result: RegionResult, done: number, total: number) => void;
};

export type Discovery = {
	entry: RegionCacheEntry;
	/** CSCs whose probe failed (network, server trouble after retries): not facts, so not cached. */
	failed: string[];
	/** Whether the entry was written to the cache. */
	cached: boolean;
	/** The first failure, to explain a run in which nothing could be probed. */
	firstError?: FusdeckError;
};

/**
 * Probes every CSC and caches what was learnt. A cancelled run throws and caches nothing (a half
 * run would read as "no firmware" for the CSCs it never asked); a run in which every probe failed
 * is not cached either, because it says nothing about the model.
 */
export async function discoverRegions(model: string, options: DiscoverRegionsOptions): Promise<Discovery> {
	const total = options.cscs.length;
	let done = 0;
	const results = await latestAcross(model, [...options.cscs], {
		fetch: options.fetch,
		concurrency: options.concurrency,
		signal: options.signal,
		sleep: options.sleep,
		onResult(result) {
			done++;
			options.onResult?.(result, done, total);
		},
	});
	if (options.signal?.aborted) {
		throw new FusdeckError('CANCELLED', `Region discovery for ${model} was cancelled`);
	}

	const now = (options.now ?? Date.now)();
	const failed = results.filter(result => result.state === 'failed').map(result => result.csc);
	// The cache refuses a run that learnt nothing (every probe failed); its entry is still the answer.
	const entry = await options.cache.set(model, results, now);
	const firstError = results.find(result => result.state === 'failed')?.error;
	return {entry, failed, cached: entry.regions.length > 0, ...(firstError ? {firstError} : {})};
}
