/**
 * Text normalisation shared by the catalog index and the queries against it, so both sides
 * are cut the same way: "Fold5", "fold 5" and "FOLD-5" all become the tokens ["fold", "5"].
 */

/** Words that say nothing about which model is meant. */
const noiseWords = new Set(['galaxy', 'samsung']);

/** Lower-cased alphanumeric words, with "+" spelled "plus" and the noise words dropped. */
export function words(text: string): string[] {
	const all = text.toLowerCase().replaceAll('+', ' plus ').split(/[^a-z\d]+/).filter(Boolean);
	const kept = all.filter(word => !noiseWords.has(word));
	// "SM-S918" and "sm s918": the "sm" prefix of a model code, not a word of a name.
	if (kept[0] === 'sm' && kept.length > 1) {
		kept.shift();
	} else if (kept[0]?.startsWith('sm') && /^sm[a-z]\d/.test(kept[0])) {
		kept[0] = kept[0].slice(2);
	}

	return kept;
}

/** The words run together: "Galaxy S23 Ultra" → "s23ultra". */
export function compact(text: string): string {
	return words(text).join('');
}

/** Words split where letters meet digits: "s23u" → ["s", "23", "u"]. */
export function tokens(text: string): string[] {
	return words(text).flatMap(word => word.match(/[a-z]+|\d+/g) ?? []);
}

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment),
 * stopping early once every path is above `max`, which is all a fuzzy match needs.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) {
		return max + 1;
	}

	let beforePrevious: number[] = [];
	let previous = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, beforePrevious[j - 2]! + 1);
			}

			current.push(value);
			rowMin = Math.min(rowMin, value);
		}

		if (rowMin > max) {
			return max + 1;
		}

		beforePrevious = previous;
		previous = current;
	}

	return previous[b.length]!;
}
