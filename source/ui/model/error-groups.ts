import type {ErrorEntry} from '../services.js';

export type ErrorGroup = {
	/** The latest occurrence. */
	entry: ErrorEntry;
	count: number;
};

/** Newest first; the same error (code + title + model/CSC) repeated is one group with a count. */
export function groupErrors(entries: readonly ErrorEntry[]): ErrorGroup[] {
	const groups = new Map<string, ErrorGroup>();
	for (const entry of [...entries].sort((a, b) => b.at - a.at || b.id - a.id)) {
		const key = [entry.code, entry.explanation.id, entry.explanation.title, entry.model ?? '', entry.csc ?? ''].join('\u0000');
		const group = groups.get(key);
		if (group) {
			group.count++;
		} else {
			groups.set(key, {entry, count: 1});
		}
	}

	return [...groups.values()];
}
