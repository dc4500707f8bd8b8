import {allCscs, findCsc} from '../core/catalog/cscs.js';
import {findModel} from '../core/catalog/models.js';
import {UsageError, type FusdeckError} from '../core/errors.js';
import {cacheDir} from '../core/store/config-dir.js';
import {discoverRegions} from '../core/versions/discover-regions.js';
import {RegionCache, type RegionCacheEntry} from '../core/versions/region-cache.js';
import {fetchVersionInfo} from '../core/versions/version-xml.js';
import {modelArg, noMoreArgs} from './args.js';
import {endpointsFrom, integerOption, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import {failure} from './all-failed.js';
import type {Command} from './types.js';
import {quote} from '../core/quote.js';

export const regionsCommand: Command = {
	name: 'regions',
	summary: 'which CSCs carry firmware for a model (probes every known CSC, cached)',
	usage: `Usage: fusdeck regions MODEL [--refresh] [--max-age HOURS] [--concurrency N] [--all] [--json]

Probes version.xml for MODEL across every CSC in the catalog, with bounded concurrency that backs
off when the server rate-limits, and lists the CSCs that carry firmware with their latest version.
Results are cached in the config folder; --refresh probes again, --max-age sets how old a cached
answer may be (default 6 hours). --all also lists the CSCs without firmware. Needs no IMEI.

Example: fusdeck regions SM-S918B`,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('regions', args, {
			...outputOptions,
			...networkOptions,
			refresh: {type: 'boolean', default: false},
			all: {type: 'boolean', default: false},
			'max-age': {type: 'string'},
			concurrency: {type: 'string'},
		});
		const model = modelArg(positionals[0], 'regions');
		const csc = positionals[1]?.trim().toUpperCase() ?? '';
		noMoreArgs('regions', positionals, ['MODEL'], `To check one CSC: fusdeck check ${model} ${/^[A-Z0-9]{3}$/.test(csc) ? csc : 'CSC'}`);
		const maxAgeHours = values['max-age'] === undefined ? 6 : Number(values['max-age']);
		const concurrency = integerOption('concurrency', values.concurrency, 8, 1, 32);
		if (!Number.isFinite(maxAgeHours) || maxAgeHours < 0) {
			throw new UsageError(`--max-age takes a number of hours, not ${quote(values['max-age'])}`);
		}

		const endpoints = endpointsFrom(values, io.env);
		const timeoutMs = timeoutFrom(values.timeout);
		const cache = new RegionCache(cacheDir(io.env));
		let entry = values.refresh ? undefined : await cache.get(model, {maxAgeMs: maxAgeHours * 3_600_000});
		const fromCache = entry !== undefined;
		let failed: string[] = [];
		let firstError: FusdeckError | undefined;
		if (!entry) {
			const discovery = await discoverRegions(model, {
				cache,
				cscs: allCscs().map(csc => csc.csc),
				concurrency,
				signal: io.signal,
				fetch: async (m, csc, signal) => fetchVersionInfo(m, csc, {fotaUrl: endpoints.fota, timeoutMs, signal}),
			});
			failed = discovery.failed;
			firstError = discovery.firstError;
			entry = discovery.entry;
		}

		const regions = entry.regions.filter(region => values.all || region.state !== 'unknown').map(region => ({
			...region,
			country: findCsc(region.csc)?.country ?? null,
			carrier: findCsc(region.csc)?.carrier ?? null,
		}));
		if (values.json) {
			io.stdout.write(JSON.stringify({model, known_model: findModel(model) !== undefined, fetched_at: new Date(entry.fetchedAt).toISOString(), from_cache: fromCache, regions, failed}) + '\n');
		} else {
			io.stdout.write(formatRegions(entry, regions, fromCache, failed));
		}

		if (failed.length > 0 && regions.length === 0) {
			return failure(io, `no CSC could be probed for ${model}`, failed.length, firstError);
		}

		return 0;
	},
};

function formatRegions(entry: RegionCacheEntry, regions: Array<RegionCacheEntry['regions'][number] & {country: string | null; carrier: string | null}>, fromCache: boolean, failed: string[]): string {
	const withFirmware = regions.filter(region => region.state === 'ok');
	const lines = [`${entry.model}: ${withFirmware.length} CSCs carry firmware${fromCache ? ` (cached ${new Date(entry.fetchedAt).toISOString()}; --refresh to probe again)` : ''}`];
	for (const region of regions) {
		const latest = region.state === 'ok' ? region.latest!.split('/')[0]! : region.state === 'none' ? 'no firmware' : 'not published';
		lines.push(`  ${region.csc}  ${latest.padEnd(16)} ${(region.country ?? '').padEnd(22)} ${region.carrier ?? ''}`.trimEnd());
	}

	if (withFirmware.length === 0 && failed.length === 0 && !findModel(entry.model)) {
		// A typo in the model code looks exactly like a model with no firmware anywhere.
		lines.push(`  ${entry.model} is not a model fusdeck knows either: check the code (fusdeck models QUERY searches by code or name)`);
	}

	if (failed.length > 0) {
		lines.push(`  ${failed.length} CSCs could not be probed (${failed.slice(0, 8).join(', ')}${failed.length > 8 ? ', …' : ''}); run again later`);
	}

	return lines.join('\n') + '\n';
}
