import type {FusdeckError} from '../errors.js';
import type {ExplainContext} from '../explain/context.js';
import {explainError} from '../explain/explain.js';
import type {Explanation} from '../explain/types.js';
import {findCsc, similarCscs} from './cscs.js';

/**
 * What the catalogue knows of a CSC, for the explainer (which looks nothing up itself): its
 * carrier, or that it is not a known code and which known codes are a keystroke away.
 */
export function cscExplainContext(csc: string | undefined): Partial<ExplainContext> {
	if (!csc) {
		return {};
	}

	const known = findCsc(csc);
	return known ? {cscCarrier: known.carrier} : {cscKnown: false, cscSuggestions: similarCscs(csc)};
}

/** The explanation of an error, with what the catalogue knows of its CSC (or of `csc`, when the error names none). */
export function explainWithCatalog(error: FusdeckError, csc = error.context.csc): Explanation {
	return explainError(error, cscExplainContext(csc));
}
