import type {ErrorCode} from '../error-codes.js';
import type {Explanation, ExplanationKind} from './types.js';

/**
 * One row of the knowledge table. `key` is what a lookup matches exactly: the fusdeck code
 * ("CRC_MISMATCH"), the HTTP status ("429", or "4xx" for the fallback), the FUS body status
 * ("408", "S01") or, for tool messages, the entry id. Pasted text reaches message rows
 * through the patterns in `patterns.ts`.
 */
export type KnowledgeEntry = Explanation & {
	kind: ExplanationKind;
	key: string;
};

export function codeEntryId(code: ErrorCode): string {
	return `code-${code.toLowerCase().replaceAll('_', '-')}`;
}
