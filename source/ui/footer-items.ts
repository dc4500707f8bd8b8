import {displayKey} from './key-names.js';
import {commandsIn, type KeyContext, type Scope} from './keys.js';

/** The keys that work now, in scope order, as "key label" items. Disabled commands are left out. */
export function footerItems(scopes: readonly Scope[], context: KeyContext): string[] {
	return scopes.flatMap(scope => commandsIn(scope)
		.filter(command => command.label && !command.disabledReason?.(context))
		.map(command => `${displayKey(command.keys[0]!)} ${command.label!}`));
}

/** Joins items with " · " and cuts with "…" so the line fits in `width` columns. */
export function fitFooter(items: readonly string[], width: number): string {
	const separator = ' · ';
	let line = '';
	for (const item of items) {
		const next = line ? line + separator + item : item;
		if (next.length > width) {
			// The first item (a question, a filter being typed) is cut rather than lost.
			if (!line) return `${item.slice(0, Math.max(0, width - 1))}…`;
			return line.length + 2 <= width ? `${line} …` : `${line.slice(0, Math.max(0, width - 1))}…`;
		}

		line = next;
	}

	return line;
}
