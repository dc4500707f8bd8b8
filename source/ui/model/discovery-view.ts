import type {Explanation} from '../../core/explain/types.js';
import type {DiscoveredRegion, RegionDiscovery} from '../services.js';

/** Where region discovery stands for the chosen model, as useRegionDiscovery keeps it. */
export type DiscoveryView = {
	model: string;
	/** reading: looking in the cache; probing: a run is under way; done: `result` is current; failed: the run failed. */
	status: 'reading' | 'probing' | 'done' | 'failed';
	/** The last complete answer; while probing again it is the older one (stale or being refreshed). */
	result?: RegionDiscovery;
	/** Answers of the run under way, newest knowledge per CSC. */
	found: ReadonlyMap<string, DiscoveredRegion>;
	progress?: {done: number; total: number};
	error?: Explanation;
};

/** What the Regions pane knows per CSC: the run under way's answers over the last complete ones. */
export function knownRegions(view: DiscoveryView | undefined): ReadonlyMap<string, DiscoveredRegion> {
	const known = new Map<string, DiscoveredRegion>();
	for (const region of view?.result?.regions ?? []) known.set(region.csc, region);
	for (const [csc, region] of view?.found ?? []) known.set(csc, region);
	return known;
}
