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
	const kept: string[] = [];
	for (const item of items) {
		if ([...kept, item].join(separator).length > width) {
			// The first item (a question, a filter being typed) is cut rather than lost.
			if (kept.length === 0) return `${item.slice(0, Math.max(0, width - 1))}…`;
			// Whole items only after it: a key label cut mid-word ("Tab pan…") reads as nonsense.
			while (kept.length > 1 && `${kept.join(separator)} …`.length > width) kept.pop();
			const line = kept.join(separator);
			return line.length + 2 <= width ? `${line} …` : `${line.slice(0, Math.max(0, width - 1))}…`;
		}

		kept.push(item);
	}

	return kept.join(separator);
}
