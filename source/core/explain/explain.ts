import type {FusdeckError} from '../errors.js';
import {applyContextRules} from './context-rules.js';
import type {ExplainContext} from './context.js';
import {allEntries, entryById} from './entries.js';
import {codeEntryId, type KnowledgeEntry} from './entry.js';
import {findEntry, httpEntry, resolveStatus} from './lookup.js';
import type {Explanation} from './types.js';

/**
 * Explains an error fusdeck raised. A FUS_STATUS or HTTP_STATUS error is explained by its status;
 * `extra` adds what the caller knows beyond the error (recent failures, a stored IMEI).
 */
export function explainError(error: FusdeckError, extra: Partial<ExplainContext> = {}): Explanation {
	const context: ExplainContext = {...error.context, ...extra};
	const entry = statusEntryFor(error, context) ?? entryById(codeEntryId(error.code));
	if (!entry) {
		// errorCodes and the table are checked against each other by the tests; this is a bug.
		throw new Error(`no explanation for error code ${error.code}`);
	}

	return applyContextRules(toExplanation(entry), context);
}

/**
 * Explains what a user typed or pasted: "408", "HTTP 429", "S01", "CRC_MISMATCH", an entry id or
 * a tool's message. Undefined when nothing matches; `notKnown` words the advice for that case.
 */
export function explainCode(input: string, context: ExplainContext = {}): Explanation | undefined {
	const entry = findEntry(input, context);
	return entry ? applyContextRules(toExplanation(entry), context) : undefined;
}

/** Every entry, without context. */
export function listExplanations(): Explanation[] {
	return allEntries.map(toExplanation);
}

export const understoodInputs = 'a fusdeck error code (CRC_MISMATCH), an HTTP status (HTTP 429), a FUS status (408, S01) or a message a tool printed ("No firmware found", "MD5 error")';

export function notKnown(input: string): Explanation {
	return {
		id: 'unknown',
		title: `Not known: ${input.trim().slice(0, 80)}`,
		meaning: 'fusdeck has no entry for this code or message.',
		cause: 'An unusual message, or a paste that does not include the code or the key words.',
		fix: `Give ${understoodInputs}; fusdeck explain --list shows every entry.`,
		action: 'report',
	};
}

function statusEntryFor(error: FusdeckError, context: ExplainContext): KnowledgeEntry | undefined {
	if (error.code === 'FUS_STATUS' && context.fusStatus) {
		return resolveStatus(context.fusStatus, 'fus', context);
	}

	if (error.code === 'HTTP_STATUS' && context.httpStatus !== undefined) {
		return httpEntry(context.httpStatus);
	}

	return undefined;
}

function toExplanation(entry: KnowledgeEntry): Explanation {
	const {key: _key, ...explanation} = entry;
	return explanation;
}
