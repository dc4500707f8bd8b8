import type {Csc} from '../services.js';

export type RegionRow = Csc & {preferred: boolean; marked: boolean};

/** Regions of a model: preferred CSCs first (in the user's order), then the rest by code; filtered. */
export function regionRows(cscs: readonly Csc[], preferred: readonly string[], marked: readonly string[], filter: string): RegionRow[] {
	const needle = filter.trim().toLowerCase();
	const matches = (csc: Csc) => !needle || [csc.csc, csc.country, csc.iso ?? '', csc.carrier ?? '', ...csc.groups]
		.some(text => text.toLowerCase().includes(needle));
	const rank = (csc: Csc) => {
		const index = preferred.indexOf(csc.csc);
		return index === -1 ? Number.POSITIVE_INFINITY : index;
	};

	return cscs
		.filter(matches)
		.map(csc => ({...csc, preferred: preferred.includes(csc.csc), marked: marked.includes(csc.csc)}))
		.sort((a, b) => rank(a) - rank(b) || a.csc.localeCompare(b.csc));
}

/** What `c` compares: the marked regions, else the preferred ones, else the first few. */
export function regionsToCompare(rows: readonly RegionRow[], marked: readonly string[], preferred: readonly string[], all: readonly Csc[], firstFew = 8): string[] {
	if (marked.length > 0) return [...marked];
	const known = new Set(all.map(csc => csc.csc));
	const preferredHere = preferred.filter(csc => known.has(csc));
	if (preferredHere.length > 0) return preferredHere;
	return (rows.length > 0 ? rows : all).slice(0, firstFew).map(csc => csc.csc);
}
