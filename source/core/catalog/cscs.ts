import cscData from './data/cscs.json' with {type: 'json'};
import groupData from './data/csc-groups.json' with {type: 'json'};
import type {Csc, CscGroup} from './csc.js';

type RawCsc = Omit<Csc, 'groups'>;

type Indexed = {
	entry: Csc;
	country: string;
	carrier: string;
	/** Words of country and carrier without punctuation, so "tmobile" finds "T-Mobile" but not "Boost Mobile". */
	compact: string[];
	words: string[];
	isos: string[];
};

type Catalog = {
	all: Csc[];
	byCode: Map<string, Csc>;
	groups: Map<string, CscGroup>;
	indexed: Indexed[];
};

/** Everyday names people type for a country, mapped to its ISO code. */
const countryAliases: Record<string, string> = {
	uk: 'GB',
	britain: 'GB',
	england: 'GB',
	usa: 'US',
	america: 'US',
	korea: 'KR',
	holland: 'NL',
	czechia: 'CZ',
	uae: 'AE',
	emirates: 'AE',
};

let catalog: Catalog | undefined;

function normalize(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

function compactOf(text: string): string {
	return normalize(text).replace(/[^a-z0-9]/g, '');
}

/** Builds every index once, on first use; the data never changes at run time. */
function load(): Catalog {
	if (catalog) {
		return catalog;
	}

	const groups = new Map<string, CscGroup>();
	const groupsByMember = new Map<string, string[]>();
	for (const group of groupData as CscGroup[]) {
		groups.set(group.group, group);
		for (const member of group.members) {
			const list = groupsByMember.get(member) ?? [];
			list.push(group.group);
			groupsByMember.set(member, list);
		}
	}

	const all = (cscData as RawCsc[]).map(raw => ({...raw, groups: (groupsByMember.get(raw.csc) ?? []).sort()}));
	const byCode = new Map(all.map(entry => [entry.csc, entry]));
	const indexed = all.map(entry => {
		const country = normalize(entry.country);
		const carrier = normalize(entry.carrier);
		return {
			entry,
			country,
			carrier,
			compact: `${entry.country} ${entry.carrier}`.split(/[\s()]+/).map(compactOf).filter(Boolean),
			words: `${country} ${carrier}`.split(/[^a-z0-9&]+/).filter(Boolean),
			isos: [entry.iso, ...(entry.covers ?? [])],
		};
	});
	catalog = {all, byCode, groups, indexed};
	return catalog;
}

export function allCscs(): Csc[] {
	return load().all;
}

export function findCsc(code: string): Csc | undefined {
	return load().byCode.get(code.trim().toUpperCase());
}

/**
 * Known codes one keystroke from `code`: two neighbours swapped first (EXU → EUX), then one
 * character changed; open CSCs before carrier ones within each kind. Empty for a known code.
 */
export function similarCscs(code: string, limit = 3): string[] {
	const wanted = code.trim().toUpperCase();
	const {byCode} = load();
	if (byCode.has(wanted) || wanted.length !== 3) {
		return [];
	}

	const swaps = [1, 2].map(i => wanted.slice(0, i - 1) + wanted[i] + wanted[i - 1] + wanted.slice(i + 1));
	const changes = allCscs().map(csc => csc.csc).filter(other => [...other].filter((char, i) => char !== wanted[i]).length === 1);
	const open = (other: string) => (byCode.get(other)?.carrier === 'open' ? 0 : 1);
	const rank = (list: string[]) => [...new Set(list)].filter(other => byCode.has(other) && other !== wanted).sort((a, b) => open(a) - open(b) || a.localeCompare(b));
	return [...new Set([...rank(swaps), ...rank(changes)])].slice(0, limit);
}

export function isGroup(code: string): boolean {
	return load().groups.has(code.trim().toUpperCase());
}

/** The sales codes a multi-CSC group carries; undefined for a code that is not a known group. */
export function groupMembers(group: string): string[] | undefined {
	return load().groups.get(group.trim().toUpperCase())?.members;
}

export function cscGroup(group: string): CscGroup | undefined {
	return load().groups.get(group.trim().toUpperCase());
}

export function allGroups(): CscGroup[] {
	return [...load().groups.values()];
}

/** The multi-CSC groups whose firmware contains the code. */
export function groupsOf(code: string): string[] {
	return findCsc(code)?.groups ?? [];
}

/**
 * Lower is better: exact code, then the country's ISO code (or a common alias such as "uk"), then
 * exact country or carrier, then multi-country codes covering that ISO, then a word that starts
 * with the query, then a code prefix, then any substring.
 */
function rank(item: Indexed, query: string, upper: string, compact: string): number | undefined {
	if (item.entry.csc === upper) {
		return 0;
	}

	const alias = countryAliases[query];
	if (item.entry.iso === upper || item.entry.iso === alias) {
		return 1;
	}

	if (item.country === query || item.carrier === query) {
		return 2;
	}

	if (item.isos.includes(upper) || (alias !== undefined && item.isos.includes(alias))) {
		return 3;
	}

	if (item.words.some(word => word.startsWith(query)) || item.country.startsWith(query) || item.carrier.startsWith(query)) {
		return 4;
	}

	if (item.entry.csc.startsWith(upper)) {
		return 5;
	}

	if (item.country.includes(query) || item.carrier.includes(query) || (compact.length > 2 && item.compact.some(word => word.startsWith(compact)))) {
		return 6;
	}

	return undefined;
}

/** Among equal matches, open firmware first and codes of unknown carrier last. */
function carrierOrder(entry: Csc): number {
	return entry.carrier === 'open' ? 0 : entry.carrier === 'unknown' ? 2 : 1;
}

/** Finds sales codes by code, country (name or ISO) or carrier, best matches first. */
export function searchCscs(query: string, limit?: number): Csc[] {
	const normalized = normalize(query);
	if (normalized === '') {
		return limit === undefined ? [...load().all] : load().all.slice(0, limit);
	}

	const upper = normalized.toUpperCase();
	const compact = compactOf(query);
	const hits: Array<{entry: Csc; score: number}> = [];
	for (const item of load().indexed) {
		const score = rank(item, normalized, upper, compact);
		if (score !== undefined) {
			hits.push({entry: item.entry, score});
		}
	}

	hits.sort((a, b) => a.score - b.score || carrierOrder(a.entry) - carrierOrder(b.entry) || a.entry.csc.localeCompare(b.entry.csc));
	const entries = hits.map(hit => hit.entry);
	return limit === undefined ? entries : entries.slice(0, limit);
}
