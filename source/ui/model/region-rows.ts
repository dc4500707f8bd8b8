import type {Csc, DiscoveredRegion} from '../services.js';

/** What region discovery says of a CSC; pending: not probed yet. */
export type RegionFirmware = DiscoveredRegion['state'] | 'pending';

export type RegionRow = Csc & {
	preferred: boolean;
	marked: boolean;
	firmware: RegionFirmware;
	/** Full latest version, when the CSC carries firmware. */
	latest?: string;
	android?: string;
};

export type RegionRowOptions = {
	/** What discovery knows per CSC; absent means nothing is known, so nothing is hidden. */
	discovered?: ReadonlyMap<string, DiscoveredRegion>;
	/** Also list the CSCs without firmware and those not probed yet. */
	showAll?: boolean;
};

/** Rows with firmware first, failed probes next (they may have some), then unknown, then the empty ones. */
const firmwareRank: Record<RegionFirmware, number> = {ok: 0, failed: 1, pending: 2, none: 3, unknown: 3};

export function withoutFirmware(firmware: RegionFirmware): boolean {
	return firmware === 'none' || firmware === 'unknown';
}

/**
 * Regions of a model: preferred CSCs first (in the user's order), then those with firmware, then
 * the rest, each by code; filtered. Once discovery knows something, only the CSCs with firmware
 * (or a failed probe) show unless `showAll`; preferred ones always show, so the user sees that
 * their region has none.
 */
export function regionRows(cscs: readonly Csc[], preferred: readonly string[], marked: readonly string[], filter: string, options: RegionRowOptions = {}): RegionRow[] {
	const {discovered, showAll = false} = options;
	const needle = filter.trim().toLowerCase();
	const matches = (csc: Csc) => !needle || [csc.csc, csc.country, csc.iso ?? '', csc.carrier ?? '', ...csc.groups]
		.some(text => text.toLowerCase().includes(needle));
	const rank = (csc: Csc) => {
		const index = preferred.indexOf(csc.csc);
		return index === -1 ? Number.POSITIVE_INFINITY : index;
	};

	const visible = (row: RegionRow) => !discovered || showAll || row.preferred || row.firmware === 'ok' || row.firmware === 'failed';
	return cscs
		.filter(matches)
		.map(csc => {
			const found = discovered?.get(csc.csc);
			return {
				...csc,
				preferred: preferred.includes(csc.csc),
				marked: marked.includes(csc.csc),
				firmware: found?.state ?? 'pending',
				...(found?.latest ? {latest: found.latest} : {}),
				...(found?.android ? {android: found.android} : {}),
			} satisfies RegionRow;
		})
		.filter(row => visible(row))
		.sort((a, b) => rank(a) - rank(b) || firmwareRank[a.firmware] - firmwareRank[b.firmware] || a.csc.localeCompare(b.csc));
}

/** What `c` compares: the marked regions, else the preferred ones, else the first few. */
export function regionsToCompare(rows: readonly RegionRow[], marked: readonly string[], preferred: readonly string[], all: readonly Csc[], firstFew = 8): string[] {
	if (marked.length > 0) return [...marked];
	const known = new Set(all.map(csc => csc.csc));
	const preferredHere = preferred.filter(csc => known.has(csc));
	if (preferredHere.length > 0) return preferredHere;
	return (rows.length > 0 ? rows : all).slice(0, firstFew).map(csc => csc.csc);
}
