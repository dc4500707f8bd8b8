import {fetchVersionInfo} from '../core/versions/version-xml.js';
import {latestAcross, type RegionResult} from '../core/versions/latest-across.js';
import {UsageError} from '../core/errors.js';
import {findCsc} from '../core/catalog/cscs.js';
import {cscArg, modelArg} from './args.js';
import {endpointsFrom, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import type {Command} from './types.js';

/** Open (unbranded) CSCs of large markets, used when no CSC is given and none is preferred. */
export const defaultCompareCscs = ['EUX', 'XEF', 'DBT', 'BTU', 'ITV', 'PHE', 'XSA', 'INS'];

export const compareCommand: Command = {
	name: 'compare',
	summary: 'latest firmware of a model across several CSCs, side by side',
	usage: `Usage: fusdeck compare MODEL [CSC...] [--json] [--concurrency N]

Fetches the latest version of MODEL for each CSC in parallel (bounded, backing off when the server
rate-limits) and prints them side by side, newest first. Without CSCs it compares ${defaultCompareCscs.join(', ')}.
Needs no IMEI.

Options:
  --concurrency N   parallel requests (default 6)
  --json            one JSON array on stdout
  --fota-url URL    version.xml host (env FUSDECK_FOTA_URL)

Example: fusdeck compare SM-S918B EUX XEF BTU DBT`,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('compare', args, {...outputOptions, ...networkOptions, concurrency: {type: 'string'}});
		const model = modelArg(positionals[0], 'compare');
		const cscs = positionals.length > 1 ? [...new Set(positionals.slice(1).map(csc => cscArg(csc, 'compare')))] : defaultCompareCscs;
		const concurrency = values.concurrency === undefined ? 6 : Number(values.concurrency);
		if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
			throw new UsageError(`--concurrency takes a whole number from 1 to 32, not "${values.concurrency}"`);
		}

		const endpoints = endpointsFrom(values, io.env);
		const timeoutMs = timeoutFrom(values.timeout);
		const results = await latestAcross(model, cscs, {
			concurrency,
			signal: io.signal,
			fetch: async (m, csc, signal) => fetchVersionInfo(m, csc, {fotaUrl: endpoints.fota, timeoutMs, signal}),
		});
		const rows = compareRows(results);
		if (values.json) {
			io.stdout.write(JSON.stringify(rows) + '\n');
		} else {
			io.stdout.write(formatCompare(model, rows));
		}

		return rows.some(row => row.state === 'ok') ? 0 : 3;
	},
};

export type CompareRow = {csc: string; country: string | null; state: RegionResult['state']; latest: string | null; pda: string | null; android: string | null; newest: boolean; error: string | null};

export function compareRows(results: RegionResult[]): CompareRow[] {
	const rows = results.map((result): CompareRow => {
		const latest = result.info?.latest ?? null;
		return {csc: result.csc, country: findCsc(result.csc)?.country ?? null, state: result.state, latest, pda: latest?.split('/')[0] ?? null, android: result.info?.android ?? null, newest: false, error: result.error?.message ?? null};
	});
	// The PDA's last characters encode year, month and build, so within one model a later PDA sorts later.
	const newest = rows.filter(row => row.pda).map(row => row.pda!.slice(-4)).sort().at(-1);
	for (const row of rows) {
		row.newest = Boolean(newest && row.pda?.slice(-4) === newest);
	}

	return rows.sort((a, b) => (b.pda?.slice(-4) ?? '').localeCompare(a.pda?.slice(-4) ?? '') || a.csc.localeCompare(b.csc));
}

function formatCompare(model: string, rows: CompareRow[]): string {
	const lines = [`${model}: latest firmware per CSC (* newest)`, `  ${'CSC'.padEnd(5)}${'Country'.padEnd(16)}${'PDA'.padEnd(18)}${'Android'.padEnd(9)}state`];
	for (const row of rows) {
		const state = row.state === 'ok' ? '' : row.state === 'none' ? 'no firmware' : row.state === 'unknown' ? 'not published for this model' : `failed: ${row.error}`;
		lines.push(`${row.newest ? '*' : ' '} ${row.csc.padEnd(5)}${(row.country ?? '').slice(0, 15).padEnd(16)}${(row.pda ?? '-').padEnd(18)}${(row.android ?? '-').padEnd(9)}${state}`.trimEnd());
	}

	return lines.join('\n') + '\n';
}
