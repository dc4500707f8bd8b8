import {UsageError} from '../core/errors.js';
import type {CatalogModel} from '../core/catalog/model.js';
import {modelToJson} from '../core/catalog/model.js';
import {allModels, searchModels} from '../core/catalog/models.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command} from './types.js';
import {quote} from '../core/quote.js';

const usage = `Usage: fusdeck models [QUERY] [--json] [--limit N]

Lists the Galaxy models fusdeck knows, or searches them by code or name.
QUERY is forgiving: "s23 ultra", "S23U", "fold5", "SM-S918", "galaxy tab s9" all work.
Best matches come first: exact code, code prefix, name, then near misses.

Options:
  --limit N   show at most N models (default: 20 when searching, all when listing)
  --json      print a JSON array (model, name, alt_names, year, category, tacs, wifi_only)
`;

export const modelsCommand: Command = {
	name: 'models',
	summary: 'list or search the Galaxy model catalog',
	usage,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('models', args, {...outputOptions, limit: {type: 'string'}});
		const query = positionals.join(' ').trim();
		const limit = parseLimit(values.limit);
		const found = query === '' ? allModels().slice(0, limit ?? Infinity) : searchModels(query, limit ?? 20);
		if (values.json) {
			io.stdout.write(JSON.stringify(found.map(model => modelToJson(model))) + '\n');
			return exitCodes.ok;
		}

		if (found.length === 0) {
			io.stdout.write(`No model matches ${quote(query)}. Try part of a name ("s23") or a code ("SM-S918").\n`);
			return exitCodes.ok;
		}

		io.stdout.write(formatTable(found));
		const total = query === '' ? allModels().length : undefined;
		if (total !== undefined && found.length < total) {
			io.stdout.write(`${found.length} of ${total} models; --limit changes how many are shown\n`);
		}

		return exitCodes.ok;
	},
};

function parseLimit(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) {
		throw new UsageError(`--limit takes a whole number of models (1 or more), not ${quote(value)}`);
	}

	return limit;
}

/** A compact table for people; Wi-Fi-only models are marked because they have no IMEI. */
export function formatTable(models: readonly CatalogModel[]): string {
	const rows = [['MODEL', 'NAME', 'YEAR', 'CATEGORY'], ...models.map(model => [
		model.model,
		model.name,
		String(model.year),
		model.wifiOnly ? `${model.category} (no modem)` : model.category,
	])];
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)));
	return rows.map(row => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}
