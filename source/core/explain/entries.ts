import {codeEntries} from './entries-codes.js';
import {fusEntries} from './entries-fus.js';
import {httpEntries} from './entries-http.js';
import {messageEntries} from './entries-messages.js';
import type {KnowledgeEntry} from './entry.js';
import type {ExplanationKind} from './types.js';

/** The whole knowledge table, in the order `fusdeck explain --list` prints it. */
export const allEntries: readonly KnowledgeEntry[] = [...codeEntries, ...httpEntries, ...fusEntries, ...messageEntries];

const byId = new Map(allEntries.map(entry => [entry.id, entry]));

export function entryById(id: string): KnowledgeEntry | undefined {
	return byId.get(id.toLowerCase());
}

export function entryByKey(kind: ExplanationKind, key: string): KnowledgeEntry | undefined {
	const wanted = key.toUpperCase();
	return allEntries.find(entry => entry.kind === kind && entry.key.toUpperCase() === wanted);
}
