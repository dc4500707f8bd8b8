import type {KeyName} from './key-names.js';
import {displayKey} from './key-names.js';
import {commandsIn, paneIds, type Command, type KeyContext, type OverlayId, type PaneId, type Scope} from './keys.js';

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

const paneNames: Record<PaneId, string> = {devices: 'Devices (1)', regions: 'Regions (2)', compare: 'Compare (3)', queue: 'Queue (4)', errors: 'Errors (5)'};

/**
 * For a key that means nothing in the focused pane but something in another: where it works
 * ("d works in Regions (2) and Compare (3)"), so a key pressed in the wrong pane is not met with silence.
 */
export function elsewhereHint(key: KeyName, mode: InputMode): string | undefined {
	if (mode.confirming || mode.input || mode.overlay) {
		return undefined;
	}

	const panes = paneIds.filter(pane => pane !== mode.focus && commandsIn(pane).some(command => command.keys.includes(key)));
	if (panes.length === 0) {
		return undefined;
	}

	const names = panes.map(pane => paneNames[pane]);
	const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
	return `${displayKey(key)} works in ${list}`;
}
