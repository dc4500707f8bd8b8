import {fetchVersionInfo} from '../core/versions/version-xml.js';
import {latestAcross, type RegionResult} from '../core/versions/latest-across.js';
import {findCsc} from '../core/catalog/cscs.js';
import {buildDate, compareVersions} from '../core/versions/decode.js';
import {cscArg, modelArg} from './args.js';
import {endpointsFrom, integerOption, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import {failure} from './all-failed.js';
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
		const concurrency = integerOption('concurrency', values.concurrency, 6, 1, 32);

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

		const failed = results.filter(result => result.state === 'failed');
		if (!rows.some(row => row.state === 'ok') && failed.length === results.length) {
			return failure(io, `no CSC could be checked for ${model}`, failed.length, failed[0]?.error);
		}

		return rows.some(row => row.state === 'ok') ? 0 : 3;
	},
};

export type CompareRow = {
	csc: string;
	country: string | null;
	state: RegionResult['state'];
	latest: string | null;
	pda: string | null;
	/** Year-month decoded from the PDA, e.g. "2025-11". */
	build_date: string | null;
	android: string | null;
	/** Months between this build and the newest one compared. */
	behind_months: number | null;
	newest: boolean;
	error: string | null;
};

/** A PDA that does not decode (a server oddity) sorts last instead of failing the whole comparison. */
function safeDate(pda: string | null): {year: number; month: number} | undefined {
	try {
		return pda ? buildDate(pda) : undefined;
	} catch {
		return undefined;
	}
}

function safeCompare(a: string | null, b: string | null): number {
	if (!a || !b) {
		return a ? 1 : b ? -1 : 0;
	}

	try {
		return compareVersions(a, b);
	} catch {
		return 0;
	}
}

export function compareRows(results: RegionResult[]): CompareRow[] {
	const rows = results.map((result): CompareRow => {
		const latest = result.info?.latest ?? null;
		const pda = latest?.split('/')[0] ?? null;
		const date = safeDate(pda);
		return {
			csc: result.csc,
			country: findCsc(result.csc)?.country ?? null,
			state: result.state,
			latest,
			pda,
			build_date: date ? `${date.year}-${String(date.month).padStart(2, '0')}` : null,
			android: result.info?.android ?? null,
			behind_months: null,
			newest: false,
			error: result.error?.message ?? null,
		};
	});
	rows.sort((a, b) => safeCompare(b.pda, a.pda) || a.csc.localeCompare(b.csc));
	const newest = rows[0]?.pda ? rows[0] : undefined;
	const newestDate = safeDate(newest?.pda ?? null);
	for (const row of rows) {
		const date = safeDate(row.pda);
		row.newest = Boolean(newest && row.pda && safeCompare(row.pda, newest.pda) === 0);
		row.behind_months = date && newestDate ? (newestDate.year - date.year) * 12 + newestDate.month - date.month : null;
	}

	return rows;
}

function formatCompare(model: string, rows: CompareRow[]): string {
	const lines = [`${model}: latest firmware per CSC (* newest)`, `  ${'CSC'.padEnd(5)}${'Country'.padEnd(16)}${'PDA'.padEnd(16)}${'Built'.padEnd(9)}${'Android'.padEnd(9)}${'Behind'.padEnd(8)}state`];
	for (const row of rows) {
		let state = row.state === 'ok' ? '' : row.state === 'none' ? 'no firmware' : row.state === 'unknown' ? 'not published for this model' : `failed: ${row.error}`;
		// A code the catalog lacks is most often a typo (EXU for EUX); the server cannot tell the two apart.
		if (row.country === null && row.state !== 'ok') {
			state += `; ${row.csc} is not a CSC fusdeck knows (a typo? fusdeck cscs lists them)`;
		}

		lines.push(`${row.newest ? '*' : ' '} ${row.csc.padEnd(5)}${(row.country ?? '?').slice(0, 15).padEnd(16)}${(row.pda ?? '-').padEnd(16)}${(row.build_date ?? '-').padEnd(9)}${(row.android ?? '-').padEnd(9)}${(row.behind_months ? `${row.behind_months} mo` : '').padEnd(8)}${state}`.trimEnd());
	}

	return lines.join('\n') + '\n';
}
