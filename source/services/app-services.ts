/**
 * The real AppServices: the UI's seam (source/ui/services.ts) wired to the core catalogs, the FUS
 * client, version look-ups, the explainer, the settings store and the download queue.
 */
import {allCscs} from '../core/catalog/cscs.js';
import {preferredOrder} from '../core/catalog/regions.js';
import {allModels, searchModels} from '../core/catalog/models.js';
import type {Endpoints} from '../core/endpoints.js';
import {FusdeckError, isFusdeckError} from '../core/errors.js';
import {explainError} from '../core/explain/explain.js';
import {FusClient} from '../core/fus/client.js';
import type {SettingsStore} from '../core/store/settings-store.js';
import {buildDate} from '../core/versions/decode.js';
import {mergeHistory} from '../core/versions/history.js';
import {latestAcross, type RegionResult} from '../core/versions/latest-across.js';
import {fetchVersionInfo} from '../core/versions/version-xml.js';
import type {AppServices, CompareResult} from '../ui/services.js';
import {ErrorLog} from './error-feed.js';
import {WorkstationQueue} from './queue-service.js';
import type {DownloadQueue} from '../core/queue/download-queue.js';

export type ServiceOptions = {
	endpoints: Endpoints;
	store: SettingsStore;
	timeoutMs?: number;
	/** The core download queue (services/open-queue.ts opens it). */
	queue: DownloadQueue;
};

const explain = (error: unknown) => explainError(isFusdeckError(error) ? error : new FusdeckError('INTERNAL', (error as Error)?.message ?? String(error)));

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

export function createAppServices(options: ServiceOptions): AppServices & {queue: WorkstationQueue; errorLog: ErrorLog} {
	const {endpoints, store, timeoutMs} = options;
	const errors = new ErrorLog();
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
