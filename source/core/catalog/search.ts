import type {CatalogModel} from './model.js';
import {compact, editDistance, tokens} from './text.js';

/** Score bands: every exact code beats every code prefix, which beats every name match, then fuzzy. */
const band = {exactCode: 4000, codePrefix: 3000, exactName: 2000, nameTokens: 1000, fuzzy: 0} as const;

type Entry = {model: CatalogModel; code: string; names: Array<{compact: string; tokens: string[]}>; variantRank: number};

type Query = {compact: string; tokens: string[]; codeLike: boolean};

export type ModelIndex = {search(query: string, limit?: number): CatalogModel[]};

/** Builds the search index once; the catalog is static, so every query is a scan of small arrays. */
export function createModelIndex(models: readonly CatalogModel[]): ModelIndex {
	const entries: Entry[] = models.map(model => ({
		model,
		code: compact(model.model),
		names: [model.name, ...model.altNames].map(name => ({compact: compact(name), tokens: tokens(name)})),
		variantRank: variantRank(model.model),
	}));
	const targets = fuzzyTargets(entries);

	return {
		search(query, limit = 20) {
			const scored: Array<{entry: Entry; score: number}> = [];
			const text = compact(query);
			// A code prefix needs the series letter and three digits ("s918"); "s9" is a name, not a code.
			const q = {compact: text, tokens: tokens(query), codeLike: /^[a-z]\d{3}/.test(text)};
			if (q.compact === '') {
				return [];
			}

			// Variants of one device share their names, so each spelling is scored once per query.
			const nameScores = new Map<string, number>();
			for (const entry of entries) {
				const score = exactScore(entry, q, nameScores);
				if (score > 0) {
					scored.push({entry, score});
				}
			}

			if (scored.length < limit) {
				scored.push(...fuzzyMatches(targets, q.compact, new Set(scored.map(({entry}) => entry))));
			}

			scored.sort((a, b) => b.score - a.score || a.entry.variantRank - b.entry.variantRank
				|| b.entry.model.year - a.entry.model.year || a.entry.model.model.localeCompare(b.entry.model.model));
			return scored.slice(0, limit).map(({entry}) => entry.model);
		},
	};
}

function exactScore(entry: Entry, q: Query, nameScores: Map<string, number>): number {
	if (entry.code === q.compact) {
		return band.exactCode;
	}

	if (q.codeLike && entry.code.startsWith(q.compact)) {
		return band.codePrefix - (entry.code.length - q.compact.length);
	}

	let best = 0;
	for (const name of entry.names) {
		if (name.compact === q.compact) {
			return band.exactName;
		}

		let score = nameScores.get(name.compact);
		if (score === undefined) {
			score = tokenScore(name.tokens, q.tokens);
			nameScores.set(name.compact, score);
		}

		best = Math.max(best, score);
	}

	return best;
}

/** All query tokens must appear in one name: numbers exactly, words as a prefix ("u" → "ultra"). */
function tokenScore(nameTokens: string[], queryTokens: string[]): number {
	const used = new Set<number>();
	let exact = 0;
	for (const token of queryTokens) {
		const isNumber = /^\d/.test(token);
		let found = nameTokens.findIndex((t, i) => !used.has(i) && t === token);
		if (found === -1 && !isNumber) {
			found = nameTokens.findIndex((t, i) => !used.has(i) && t.startsWith(token));
		} else if (found !== -1) {
			exact++;
		}

		if (found === -1) {
			return 0;
		}

		used.add(found);
	}

	// Fewer words left over means a closer name: "tab s9" ranks Tab S9 above Tab S9 Ultra.
	return band.nameTokens + 100 + exact * 10 - (nameTokens.length - used.size) * 20;
}

/** Every distinct code and name spelling once, with the entries it stands for. */
type FuzzyTarget = {text: string; entries: Entry[]};

function fuzzyTargets(entries: Entry[]): FuzzyTarget[] {
	const byText = new Map<string, Set<Entry>>();
	for (const entry of entries) {
		for (const text of [entry.code, ...entry.names.map(name => name.compact)]) {
			const set = byText.get(text) ?? new Set();
			set.add(entry);
			byText.set(text, set);
		}
	}

	return [...byText].map(([text, set]) => ({text, entries: [...set]}));
}

function fuzzyMatches(targets: FuzzyTarget[], query: string, skip: Set<Entry>): Array<{entry: Entry; score: number}> {
	const max = Math.max(1, Math.floor(query.length / 4));
	const best = new Map<Entry, number>();
	for (const target of targets) {
		if (Math.abs(target.text.length - query.length) > max) {
			continue;
		}

		const distance = editDistance(query, target.text, max);
		if (distance > max) {
			continue;
		}

		for (const entry of target.entries) {
			if (!skip.has(entry) && distance < (best.get(entry) ?? Infinity)) {
				best.set(entry, distance);
			}
		}
	}

	return [...best].map(([entry, distance]) => ({entry, score: band.fuzzy + 100 - distance * 10}));
}

/** Lists the variant most people mean first: global (B, F, no suffix), then US, Korea, Canada, the rest. */
function variantRank(code: string): number {
	const suffix = code.replace(/^SM-[A-Z]\d{3}/, '');
	const ranks: Record<string, number> = {'': 0, B: 0, F: 0, FN: 1, U: 2, U1: 2, N: 3, W: 4};
	return ranks[suffix] ?? (/^\d/.test(suffix) ? 6 : 5);
}
