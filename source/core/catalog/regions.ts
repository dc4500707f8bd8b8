import {allCscs, findCsc, groupsOf, isGroup} from './cscs.js';

/**
 * The open (unbranded) code people use for each country when several open codes exist;
 * the others in cscs.json are older or regional. Countries not listed fall back to the
 * first open code with that ISO.
 */
const canonicalOpen: Record<string, string> = {
	AT: 'ATO', BE: 'XEB', BG: 'BGL', CH: 'AUT', CZ: 'XEZ', DE: 'DBT', ES: 'PHE', FR: 'XEF', GB: 'BTU', GR: 'EUR',
	HU: 'XEH', IE: 'BTU', IT: 'ITV', NL: 'PHN', PL: 'XEO', PT: 'TPH', RO: 'ROM', SE: 'NEE', DK: 'NEE', FI: 'NEE',
	NO: 'NEE', IS: 'NEE', EE: 'SEB', LV: 'SEB', LT: 'SEB', SK: 'ORX', SI: 'SIO', LU: 'LUX', US: 'XAA', CA: 'XAC',
	IN: 'INS', BD: 'BKD', NP: 'NPB', LK: 'SLK', AU: 'XSA', NZ: 'XNZ', SG: 'XSP', MY: 'XME', TH: 'THL', VN: 'XXV',
	PH: 'XTC', ID: 'XID', KR: 'KOO', CN: 'CHC', HK: 'TGY', TW: 'BRI', BR: 'ZTO', MX: 'MXO', AR: 'ARO', CL: 'CHO',
	CO: 'COO', PE: 'PEO', AE: 'XSG', SA: 'KSA', EG: 'EGY', ZA: 'XFE', TR: 'TUR', RU: 'SER', UA: 'SEK', KZ: 'SKZ',
	PK: 'PAK', IL: 'ILO', IR: 'THR', IQ: 'MID', MA: 'MWD', NG: 'ECT', KE: 'AFR', GH: 'ACR', TN: 'TUN', DZ: 'ALG',
};

/** Current open multi-CSC packages first; older ones only when nothing newer carries the code. */
const groupPreference = ['OXM', 'OLM', 'OJM', 'OWO', 'ODM', 'OLO', 'OLN', 'OYM', 'OLB', 'OXA', 'OXX', 'OXE', 'OXF', 'OLC', 'OZS', 'OJK'];

/**
 * Puts the preferred codes first (in the order given, those present only), keeping the
 * original order of everything else. Works on codes or on entries with a `csc` field.
 */
export function preferredOrder<T extends string | {csc: string}>(items: readonly T[], preferred: readonly string[]): T[] {
	const key = (item: T) => (typeof item === 'string' ? item : item.csc).toUpperCase();
	const wanted = preferred.map(code => code.toUpperCase());
	const first: T[] = [];
	for (const code of wanted) {
		const match = items.find(item => key(item) === code);
		if (match !== undefined && !first.includes(match)) {
			first.push(match);
		}
	}

	return [...first, ...items.filter(item => !first.includes(item))];
}

/** The open single-country code for an ISO country ("FR" → "XEF"); "EU" gives EUX. */
export function openCscFor(iso: string): string | undefined {
	const country = iso.trim().toUpperCase();
	if (country === 'EU') {
		return 'EUX';
	}

	const canonical = canonicalOpen[country];
	if (canonical) {
		return canonical;
	}

	return allCscs().find(entry => entry.iso === country && entry.carrier === 'open' && !isGroup(entry.csc))?.csc;
}

function preferredGroup(code: string): string | undefined {
	const groups = groupsOf(code);
	return groupPreference.find(group => groups.includes(group));
}

/**
 * The open multi-CSC that covers a code: its own open group if it has one, else the group of
 * its country's open code (a French carrier code → OXM, through XEF), else EUX for a European
 * country. Undefined when nothing open is known to cover it.
 */
export function multiCscFor(code: string): string | undefined {
	const entry = findCsc(code);
	if (!entry) {
		return undefined;
	}

	if (isGroup(entry.csc)) {
		return entry.carrier === 'open' ? entry.csc : undefined;
	}

	const own = preferredGroup(entry.csc);
	if (own) {
		return own;
	}

	const open = openCscFor(entry.iso);
	const viaCountry = open ? preferredGroup(open) : undefined;
	if (viaCountry) {
		return viaCountry;
	}

	return findCsc('EUX')?.covers?.includes(entry.iso) ? 'EUX' : undefined;
}

/** Codes worth trying when a carrier code has no firmware: the country's open code, its multi-CSC, EUX for Europe. */
export function alternativesFor(code: string): string[] {
	const entry = findCsc(code);
	if (!entry) {
		return [];
	}

	const candidates = [openCscFor(entry.iso), multiCscFor(entry.csc)];
	if (findCsc('EUX')?.covers?.includes(entry.iso)) {
		candidates.push('EUX');
	}

	return [...new Set(candidates.filter((c): c is string => c !== undefined && c !== entry.csc))];
}
