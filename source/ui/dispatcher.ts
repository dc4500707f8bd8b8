import type {KeyName} from './key-names.js';
import {commandsIn, type Command, type KeyContext, type OverlayId, type PaneId, type Scope} from './keys.js';

export type InputMode = {
	focus: PaneId;
	/** A question waits in the footer. */
	confirming: boolean;
	/** A text field takes the typing. */
	input?: 'filter' | 'edit';
	overlay?: OverlayId;
};

/**
 * The scopes that may take a key, first one first: a question, then a text field, then an open
 * overlay (which hides the panes), then the focused pane, then the global keys.
 */
export function activeScopes(mode: InputMode): Scope[] {
	if (mode.confirming) {
		return ['confirm'];
	}

	if (mode.input) {
		return [mode.input];
	}

	if (mode.overlay) {
		return [mode.overlay, 'list'];
	}

	return [mode.focus, 'list', 'global'];
}

export type Resolved = {command: Command; disabledReason?: string};

/** Finds the command a key means in the active scopes, and whether it can run now. */
export function resolveKey(key: KeyName, scopes: readonly Scope[], context: KeyContext): Resolved | undefined {
	for (const scope of scopes) {
		const command = commandsIn(scope).find(candidate => candidate.keys.includes(key));
		if (command) {
			const disabledReason = command.disabledReason?.(context);
			return disabledReason ? {command, disabledReason} : {command};
		}
	}

	return undefined;
}
