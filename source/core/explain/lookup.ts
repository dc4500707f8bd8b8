import {errorCodes, type ErrorCode} from '../error-codes.js';
import type {ExplainContext} from './context.js';
import {entryById, entryByKey} from './entries.js';
import {codeEntryId, type KnowledgeEntry} from './entry.js';
import {messagePatterns} from './patterns.js';

/** Body statuses that FUS sends as HTTP 200: a bare "408" most likely means the FUS one. */
const fusFirst = new Set(['200', '400', '401', '408']);

/**
 * Finds the entry for what a user typed or pasted: an entry id, a fusdeck code, a status
 * ("408", "HTTP 429", "FUS 408", "S01") or a message, matched forgivingly by `patterns.ts`.
 */
export function findEntry(input: string, context: ExplainContext = {}): KnowledgeEntry | undefined {
	const text = input.trim();
	if (text === '') {
		return undefined;
	}

	const exact = entryById(text) ?? codeEntry(text) ?? statusEntry(text, context);
	if (exact) {
		return exact;
	}

	for (const rule of messagePatterns) {
		const match = rule.pattern.exec(text);
		if (!match) {
			continue;
		}

		const found = 'id' in rule ? entryById(rule.id) : resolveStatus(match[1] ?? '', rule.status, context);
		if (found) {
			return found;
		}
	}

	return undefined;
}

/** Resolves a status the way the context suggests: FUS body status, HTTP status, or either. */
export function resolveStatus(status: string, kind: 'fus' | 'http' | 'bare', context: ExplainContext = {}): KnowledgeEntry | undefined {
	const key = status.trim().toUpperCase();
	if (!/^(\d{3}|[SF]\d{2})$/.test(key)) {
		return undefined;
	}

	if (kind === 'fus' || /^[SF]/.test(key)) {
		return entryByKey('fus', key) ?? entryByKey('fus', 'other');
	}

	if (kind === 'bare' && fusFirst.has(key) && !looksHttp(context)) {
		return entryByKey('fus', key);
	}

	return httpEntry(Number(key)) ?? (kind === 'bare' ? entryByKey('fus', key) : undefined);
}

export function httpEntry(status: number): KnowledgeEntry | undefined {
	const specific = entryByKey('http', String(status));
	if (specific) {
		return specific;
	}

	if (status >= 300 && status < 400) {
		return entryByKey('http', '3xx');
	}

	if (status >= 400 && status < 500) {
		return entryByKey('http', '4xx');
	}

	return status >= 500 && status < 600 ? entryByKey('http', '5xx') : undefined;
}

/** An HTTP status is likelier when the failure was on the download host or version.xml. */
function looksHttp(context: ExplainContext): boolean {
	return context.httpStatus !== undefined || context.stage === 'download' || context.stage === 'version';
}

function codeEntry(text: string): KnowledgeEntry | undefined {
	const code = text.toUpperCase().replaceAll('-', '_');
	return (errorCodes as readonly string[]).includes(code) ? entryById(codeEntryId(code as ErrorCode)) : undefined;
}

function statusEntry(text: string, context: ExplainContext): KnowledgeEntry | undefined {
	const match = /^(?:(https?|fus)(?:\/[\d.]+)?\s*(?:status|error)?\s*(?:code)?\s*:?\s*)?(\d{3}|[345]xx|[sf]\d{2})$/i.exec(text);
	if (!match) {
		return undefined;
	}

	const prefix = match[1]?.toLowerCase();
	const status = match[2]!.toUpperCase();
	if (/^[345]XX$/.test(status)) {
		return entryByKey('http', status.toLowerCase());
	}

	return resolveStatus(status, prefix === 'fus' ? 'fus' : prefix ? 'http' : 'bare', context);
}
