/**
 * Shared settings for the property-based tests: a few seconds per test in CI, more on demand.
 *   FUSDECK_FUZZ_RUNS=5000  runs each property that many times (the default is per test, small)
 *   FUSDECK_FUZZ_SEED=123   replays the seed fast-check printed for a failure
 */
import fc from 'fast-check';

export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
	const runs = Number(process.env['FUSDECK_FUZZ_RUNS']);
	const seed = Number(process.env['FUSDECK_FUZZ_SEED']);
	return {
		numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
		...(Number.isInteger(seed) ? {seed} : {}),
	};
}

/** Text that exercises parsers: ASCII, any code point (lone surrogates included), and XML punctuation. */
export const hostileText = (maxLength = 200): fc.Arbitrary<string> => fc.oneof(
	fc.string({maxLength}),
	fc.string({unit: 'binary', maxLength}),
	fc.string({unit: fc.constantFrom('<', '>', '/', '&', ';', '"', '\'', '=', '!', '?', '[', ']', '-', ' ', 'a', 'Data', 'FUSMsg', '&amp;', '&#0;', '\0', '\n'), maxLength}),
);

/** A string with one substring replaced, deleted, duplicated or cut: mutations of a valid document. */
export const mutationOf = (valid: string): fc.Arbitrary<string> => fc.tuple(
	fc.nat({max: valid.length}),
	fc.nat({max: valid.length}),
	fc.constantFrom('delete', 'insert', 'duplicate', 'truncate', 'swap-case'),
	hostileText(40),
).map(([a, b, kind, text]) => {
	const [from, to] = a <= b ? [a, b] : [b, a];
	switch (kind) {
		case 'delete': {
			return valid.slice(0, from) + valid.slice(to);
		}

		case 'insert': {
			return valid.slice(0, from) + text + valid.slice(from);
		}

		case 'duplicate': {
			return valid.slice(0, to) + valid.slice(from, to) + valid.slice(to);
		}

		case 'truncate': {
			return valid.slice(0, from);
		}

		default: {
			return valid.slice(0, from) + valid.slice(from, to).toUpperCase() + valid.slice(to);
		}
	}
});
