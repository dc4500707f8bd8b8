import {UsageError} from '../core/errors.js';
import type {Csc} from '../core/catalog/csc.js';
import {allCscs, allGroups, cscGroup, findCsc, searchCscs} from '../core/catalog/cscs.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command, type CommandIO} from './types.js';
import {quote} from '../core/quote.js';

const usage = `Usage: fusdeck cscs [QUERY] [--group CODE] [--json] [--limit N]

Look up Samsung sales codes (CSCs): country, carrier and the multi-CSC groups that carry them.

  QUERY          a code (XEF), a country name or ISO code (france, FR) or a carrier (vodafone, open)
  --group CODE   list the members of a multi-CSC group (OXM, OLM, OJM, OWO, ...)
  --limit N      show at most N codes
  --json         print a JSON array of {csc, country, iso, carrier, groups}

Examples:
  fusdeck cscs XEF
  fusdeck cscs germany
  fusdeck cscs t-mobile --limit 5
  fusdeck cscs --group OXM --json
`;

const maxCountry = 34;

function limitFrom(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const limit = Number(value);
	if (!Number.isInteger(limit) || limit <= 0) {
		throw new UsageError(`cscs: --limit takes a positive whole number, not ${quote(value)}`);
	}

	return limit;
}

function membersOf(code: string): Csc[] {
	const group = cscGroup(code);
	if (!group) {
		const known = allGroups().map(g => g.group).sort().join(', ');
		throw new UsageError(`cscs: ${quote(code.toUpperCase())} is not a known multi-CSC group. Known groups: ${known}`);
	}

	return group.members.map(member => findCsc(member)).filter((entry): entry is Csc => entry !== undefined);
}

function clip(text: string, width: number): string {
	return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** A compact aligned table; column widths follow the rows shown. */
export function formatCscTable(rows: Csc[]): string {
	const cells = rows.map(row => [row.csc, row.iso, clip(row.country, maxCountry), row.carrier, row.groups.join(',') || '-']);
	const header = ['CSC', 'ISO', 'COUNTRY', 'CARRIER', 'GROUPS'];
	const widths = header.map((title, column) => Math.max(title.length, ...cells.map(cell => cell[column]!.length)));
	const line = (cell: string[]) => cell.map((text, column) => (column === cell.length - 1 ? text : text.padEnd(widths[column]!))).join('  ');
	return [line(header), ...cells.map(line)].join('\n') + '\n';
}

function describeSingle(entry: Csc): string | undefined {
	const group = cscGroup(entry.csc);
	if (group) {
		return `${entry.csc} is a multi-CSC group (${group.description}) with ${group.members.length} codes: ${group.members.join(', ')}`;
	}

	return entry.groups.length > 0 ? `${entry.csc} is carried by multi-CSC groups: ${entry.groups.join(', ')}` : `${entry.csc} is in no known multi-CSC group`;
}

function print(io: CommandIO, rows: Csc[], json: boolean, note: string | undefined, query: string | undefined) {
	if (json) {
		io.stdout.write(JSON.stringify(rows.map(({csc, country, iso, carrier, groups, covers}) => ({csc, country, iso, carrier, groups, ...(covers ? {covers} : {})}))) + '\n');
		return;
	}

	if (rows.length === 0) {
		io.stdout.write(`No CSC matches ${quote(query ?? '')}. Try a code (XEF), a country (france, FR) or a carrier (vodafone).\n`);
		return;
	}

	io.stdout.write(formatCscTable(rows));
	if (note) {
		io.stdout.write(`\n${note}\n`);
	}
}

export const cscsCommand: Command = {
	name: 'cscs',
	summary: 'look up sales codes (CSCs) by code, country or carrier, and multi-CSC groups',
	usage,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('cscs', args, {
			...outputOptions,
			group: {type: 'string'},
			limit: {type: 'string'},
		});
		const limit = limitFrom(values.limit);
		const query = positionals.length > 0 ? positionals.join(' ') : undefined;

		let rows: Csc[];
		if (values.group !== undefined) {
			const members = membersOf(values.group);
			const wanted = query === undefined ? undefined : new Set(searchCscs(query).map(entry => entry.csc));
			rows = wanted ? members.filter(entry => wanted.has(entry.csc)) : members;
		} else {
			rows = query === undefined ? allCscs() : searchCscs(query);
		}

		if (limit !== undefined) {
			rows = rows.slice(0, limit);
		}

		const exact = query === undefined || values.group !== undefined ? undefined : findCsc(query);
		const note = exact && rows[0]?.csc === exact.csc ? describeSingle(exact) : undefined;
		print(io, rows, values.json, note, query);
		return exitCodes.ok;
	},
};
