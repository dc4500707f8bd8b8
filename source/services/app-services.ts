/**
 * The real AppServices: the UI's seam (source/ui/services.ts) wired to the core catalogs, the FUS
 * client, version look-ups, the explainer, the settings store and the download queue.
 */
import {allCscs} from '../core/catalog/cscs.js';
import {preferredOrder} from '../core/catalog/regions.js';
import {allModels, searchModels} from '../core/catalog/models.js';
import type {Endpoints} from '../core/endpoints.js';
import {FusdeckError, isFusdeckError} from '../core/errors.js';
import {explainWithCatalog} from '../core/catalog/csc-context.js';
import {FusClient} from '../core/fus/client.js';
import type {SettingsStore} from '../core/store/settings-store.js';
import {buildDate} from '../core/versions/decode.js';
import {mergeHistory} from '../core/versions/history.js';
import {latestAcross, type RegionResult} from '../core/versions/latest-across.js';
import {discoverRegions} from '../core/versions/discover-regions.js';
import {defaultRegionMaxAgeMs, RegionCache, type CachedRegion, type RegionCacheEntry} from '../core/versions/region-cache.js';
import {fetchVersionInfo} from '../core/versions/version-xml.js';
import type {AppServices, CompareResult, DiscoveredRegion, RegionDiscovery} from '../ui/services.js';
import {ErrorLog} from './error-feed.js';
import {WorkstationQueue} from './queue-service.js';
import type {DownloadQueue} from '../core/queue/download-queue.js';

export type ServiceOptions = {
	endpoints: Endpoints;
	store: SettingsStore;
	/** The core download queue (services/open-queue.ts opens it). */
	queue: DownloadQueue;
	/** Where region discovery keeps its per-model answers (the config folder's cache). */
	cacheDir: string;
	timeoutMs?: number;
	/** Probes at once during region discovery; it halves on 429 and grows back. */
	discoveryConcurrency?: number;
	now?: () => number;
};

const explain = (error: unknown) => explainWithCatalog(isFusdeckError(error) ? error : new FusdeckError('INTERNAL', (error as Error)?.message ?? String(error)));

function compareResult(result: RegionResult): CompareResult {
	const version = result.info?.latest;
	const pda = version?.split('/')[0];
	let date: {year: number; month: number} | undefined;
	try {
		date = pda ? buildDate(pda) : undefined;
	} catch {
		date = undefined;
	}

	const state = result.state === 'ok' ? 'ok' : result.state === 'failed' ? 'failed' : 'none';
	return {csc: result.csc, state, version, pda, buildYear: date?.year, buildMonth: date?.month, android: result.info?.android, error: result.error && result.state === 'failed' ? explain(result.error) : undefined};
}

function discoveredRegion(region: Pick<CachedRegion, 'csc' | 'state' | 'latest' | 'android'>): DiscoveredRegion {
	return {csc: region.csc, state: region.state, ...(region.latest ? {latest: region.latest} : {}), ...(region.android ? {android: region.android} : {})};
}

function regionDiscovery(entry: RegionCacheEntry, now: number, failed: readonly string[] = []): RegionDiscovery {
	return {
		model: entry.model,
		discoveredAt: entry.fetchedAt,
		stale: now - entry.fetchedAt > defaultRegionMaxAgeMs,
		regions: [...entry.regions.map(region => discoveredRegion(region)), ...failed.map(csc => ({csc, state: 'failed' as const}))],
	};
}

export function createAppServices(options: ServiceOptions): AppServices & {queue: WorkstationQueue; errorLog: ErrorLog} {
	const {endpoints, store, timeoutMs} = options;
	const now = options.now ?? Date.now;
	const errors = new ErrorLog();
	const regionCache = new RegionCache(options.cacheDir);
	const fetch = async (model: string, csc: string, signal?: AbortSignal) => fetchVersionInfo(model, csc, {fotaUrl: endpoints.fota, timeoutMs, signal});
	const queue = new WorkstationQueue(options.queue, {explain, errors, downloadFolder: () => store.getSnapshot().downloadFolder || process.cwd()});
	// The concurrency setting applies to the running queue at once.
	store.subscribe(() => {
		if (options.queue.concurrency !== store.getSnapshot().concurrency) {
			options.queue.setConcurrency(store.getSnapshot().concurrency);
		}
	});
	return {
		searchModels: query => (query.trim() === '' ? allModels() : searchModels(query, 200)).map(model => ({model: model.model, name: model.name, altNames: model.altNames, year: model.year, category: model.category})),
		cscsForModel: () => preferredOrder(allCscs(), store.getSnapshot().preferredRegions).map(csc => ({csc: csc.csc, country: csc.country, iso: csc.iso, carrier: csc.carrier, groups: csc.groups})),
		async * compare(model, cscs, signal) {
			const pending: CompareResult[] = [];
			let wake: (() => void) | undefined;
			let finished = false;
			const all = latestAcross(model, [...cscs], {
				fetch,
				signal,
				onResult(result) {
					if (result.error && result.state === 'failed') {
						errors.add(result.error, {model, csc: result.csc});
					}

					pending.push(compareResult(result));
					wake?.();
				},
			}).finally(() => {
				finished = true;
				wake?.();
			});
			while (!finished || pending.length > 0) {
				if (pending.length === 0) {
					await new Promise<void>(resolve => {
						wake = resolve;
					});
					continue;
				}

				yield pending.shift()!;
			}

			await all;
		},
		async cachedRegions(model) {
			const entry = await regionCache.get(model, {maxAgeMs: Number.POSITIVE_INFINITY, now: now()});
			return entry && regionDiscovery(entry, now());
		},
		async discoverRegions(model, {signal, onProgress}) {
			// One error entry per kind of failure: hundreds of CSCs failing alike (offline) are one problem.
			const reported = new Set<string>();
			const discovery = await discoverRegions(model, {
				cache: regionCache,
				cscs: allCscs().map(csc => csc.csc),
				concurrency: options.discoveryConcurrency ?? 8,
				fetch,
				signal,
				now,
				onResult(result, done, total) {
					if (result.state === 'failed' && result.error && !signal.aborted && !reported.has(result.error.code)) {
						reported.add(result.error.code);
						errors.add(result.error, {model});
					}

					const region = result.state === 'failed'
						? {csc: result.csc, state: 'failed' as const}
						: discoveredRegion({csc: result.csc, state: result.state, latest: result.info?.latest ?? null, android: result.info?.android ?? null});
					onProgress?.({done, total, region});
				},
			});
			return regionDiscovery(discovery.entry, now(), discovery.failed);
		},
		async history(model, csc, signal) {
			const client = new FusClient({endpoints, protocol: 'smart', timeoutMs, signal});
			const [records, versions] = await Promise.allSettled([client.history(model, csc), fetch(model, csc, signal)]);
			if (records.status === 'rejected' && versions.status === 'rejected') {
				throw records.reason;
			}

			return mergeHistory(records.status === 'fulfilled' ? records.value : [], versions.status === 'fulfilled' ? versions.value : undefined)
				.map(build => ({
					pda: build.pda,
					version: build.version ?? build.pda,
					date: build.buildYear ? `${build.buildYear}-${String(build.buildMonth).padStart(2, '0')}` : undefined,
					android: build.android ?? undefined,
					served: build.served ?? undefined,
					beta: build.beta,
				}));
		},
		explain,
		queue,
		errors,
		errorLog: errors,
		settings: store,
	};
}
