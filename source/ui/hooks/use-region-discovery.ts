import {useCallback, useEffect, useRef, useState} from 'react';
import type {DiscoveryView} from '../model/discovery-view.js';
import type {AppServices, DiscoveredRegion, RegionDiscovery} from '../services.js';

const noneFound: ReadonlyMap<string, DiscoveredRegion> = new Map();

/**
 * Region discovery for the selected model: the cached answer when fresh, else a probe run in the
 * background (a stale answer stays on screen meanwhile). Progress reaches the screen at most every
 * `frameMs`, because hundreds of answers can arrive in a second. Choosing another model or
 * refreshing aborts the run under way.
 */
export function useRegionDiscovery(services: Pick<AppServices, 'cachedRegions' | 'discoverRegions' | 'explain'>, model: string | undefined, frameMs = 100) {
	const [view, setView] = useState<DiscoveryView | undefined>();
	const run = useRef<{controller: AbortController; timer?: NodeJS.Timeout} | undefined>(undefined);

	const stop = useCallback(() => {
		clearTimeout(run.current?.timer);
		run.current?.controller.abort();
		run.current = undefined;
	}, []);

	const probe = useCallback((forModel: string, previous: RegionDiscovery | undefined) => {
		stop();
		const own = {controller: new AbortController(), timer: undefined as NodeJS.Timeout | undefined};
		run.current = own;
		const found = new Map<string, DiscoveredRegion>();
		let progress = {done: 0, total: 0};
		const live = () => !own.controller.signal.aborted;
		const publish = () => {
			own.timer = undefined;
			if (live()) setView({model: forModel, status: 'probing', ...(previous ? {result: previous} : {}), found: new Map(found), progress});
		};

		publish();
		services.discoverRegions(forModel, {
			signal: own.controller.signal,
			onProgress({done, total, region}) {
				found.set(region.csc, region);
				progress = {done, total};
				own.timer ??= setTimeout(publish, frameMs);
			},
		}).then(
			result => {
				clearTimeout(own.timer);
				if (live()) setView({model: forModel, status: 'done', result, found: noneFound});
			},
			(error: unknown) => {
				clearTimeout(own.timer);
				if (live()) setView({model: forModel, status: 'failed', ...(previous ? {result: previous} : {}), found: new Map(found), progress, error: services.explain(error)});
			},
		);
	}, [services, stop, frameMs]);

	useEffect(() => {
		stop();
		if (!model) {
			setView(undefined);
			return;
		}

		const controller = new AbortController();
		run.current = {controller};
		setView({model, status: 'reading', found: noneFound});
		services.cachedRegions(model).then(
			cached => {
				if (controller.signal.aborted) return;
				if (cached && !cached.stale) setView({model, status: 'done', result: cached, found: noneFound});
				else probe(model, cached);
			},
			() => {
				// An unreadable cache is only a miss.
				if (!controller.signal.aborted) probe(model, undefined);
			},
		);
		return stop;
	}, [services, model, probe, stop]);

	const refresh = useCallback(() => {
		if (view && view.model === model) probe(view.model, view.result);
	}, [view, model, probe]);

	// Until the effect has run for a newly chosen model, the view is the previous model's: not shown.
	const current = view?.model === model ? view : undefined;
	return {view: current, refresh};
}
