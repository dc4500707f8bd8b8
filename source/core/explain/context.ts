import type {ErrorContext} from '../errors.js';

/**
 * What the explainer may know besides the error itself. The caller supplies it; the explainer
 * stays pure and never looks anything up.
 */
export type ExplainContext = ErrorContext & {
	/** How many requests failed in the last minutes (the caller decides the window). */
	recentFailures?: number;
	/** Whether an IMEI/serial is stored for the model, so the classic protocol could be tried. */
	hasStoredImei?: boolean;
	/**
	 * The CSC's carrier as the caller's catalogue names it ("open" for unbranded firmware). When
	 * absent, a small built-in list of open CSCs decides (open-cscs.ts).
	 */
	cscCarrier?: string;
	/** False when the caller's catalogue has no such CSC: most often a typo. */
	cscKnown?: boolean;
	/** Known codes one keystroke away from an unknown CSC (a swap or a changed character), best first. */
	cscSuggestions?: string[];
};

/** From this many recent failures on, 401s and 429s are read as IP rate limiting. */
export const rateLimitThreshold = 5;
