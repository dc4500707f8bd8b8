/**
 * The one way fusdeck hides device ids (IMEIs, serials) in anything a user may share: terminal
 * output, `--json`, error reports, screenshots of the workstation. Only `--show-ids` prints them.
 */

const bullet = '•';

/**
 * "351234567890124" → "35123456••••••4"; "R58M315CL4T" → "R58M••••••T".
 * An IMEI keeps its TAC (the first 8 digits): it names the model and is shared by every device of
 * that model, so it identifies nobody; the 6-digit serial that does is hidden. The last character
 * stays so that a user can tell two stored ids apart. Anything short is hidden entirely.
 */
export function maskDeviceId(id: string): string {
	const text = id.trim();
	if (/^\d{15,16}$/.test(text)) {
		// 16 digits is an IMEISV: the same TAC and serial, then a 2-digit software version.
		return text.slice(0, 8) + bullet.repeat(text.length - 9) + text.slice(-1);
	}

	if (text.length >= 8) {
		return text.slice(0, 4) + bullet.repeat(text.length - 5) + text.slice(-1);
	}

	return bullet.repeat(text.length);
}

/** IMEI-shaped digit runs standing alone (15 digits, or 16 for an IMEISV). */
const imeiRun = /(?<!\d)\d{15,16}(?!\d)/g;

/**
 * Masks, in free text, every IMEI-shaped run of digits and every id in `known` (as typed and as
 * normalised, in any letter case). Used on error reports, where an id can arrive from anywhere.
 */
export function redactDeviceIds(text: string, known: readonly string[] = []): string {
	let result = text;
	for (const id of [...new Set(known.flatMap(variantsOf))].sort((a, b) => b.length - a.length)) {
		result = result.replace(new RegExp(escapeRegExp(id), 'gi'), match => maskDeviceId(match));
	}

	return result.replace(imeiRun, match => maskDeviceId(match));
}

/** The forms in which a typed id can come back in output: as typed, and without separators. */
function variantsOf(id: string): string[] {
	const trimmed = id.trim();
	const compact = trimmed.replaceAll(/[\s-]/g, '');
	return [trimmed, compact].filter(form => form.length >= 8);
}

/**
 * The ids a command line carries: values of --imei and --check, and any word shaped like an IMEI
 * (14–17 digits after removing separators, so typos are covered) or a Samsung serial (R and 10
 * letters or digits). Masking a word that only looks like an id costs nothing; printing a real one
 * costs privacy.
 */
export function deviceIdsInArgv(argv: readonly string[]): string[] {
	const ids: string[] = [];
	for (const [index, word] of argv.entries()) {
		const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
		if (flag === '--imei' || flag === '--check') {
			const value = inline ?? argv[index + 1];
			if (value !== undefined && value.trim() !== '') {
				ids.push(value);
			}
		}

		const candidate = inline ?? word;
		const compact = candidate.trim().replaceAll(/[\s-]/g, '');
		if (/^\d{14,17}$/.test(compact) || (/^R[A-Z\d]{10}$/i.test(compact) && /\d/.test(compact))) {
			ids.push(candidate);
		}
	}

	return ids;
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
