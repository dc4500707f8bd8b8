import type {KeyName} from './key-names.js';
import type {Job} from './services.js';

/**
 * Every key of the workstation, declared once. The dispatcher matches against this table, the
 * footer and the `?` overlay render from it, and `keyReferenceMarkdown()` writes the README's
 * key reference from it.
 */
export const paneIds = ['devices', 'regions', 'compare', 'queue', 'errors'] as const;
export type PaneId = (typeof paneIds)[number];
export type OverlayId = 'help' | 'history' | 'settings';

/** Modes take keys before everything else: a pending question, a text field being typed in. */
export type Scope = 'confirm' | 'filter' | 'edit' | OverlayId | 'list' | PaneId | 'global';

/** What a command needs to know to say whether it can run now. */
export type KeyContext = {
	focus: PaneId;
	selectedModel?: string;
	/** The CSC under the cursor in Regions or Compare, and the model that row belongs to. */
	csc?: string;
	rowModel?: string;
	job?: Job;
	activeJobs: number;
	/** Region discovery found no firmware for the CSC under the cursor. */
	noFirmware?: boolean;
	/** Whether the error under the cursor offers an action. */
	errorAction?: string;
	errorCount: number;
};

export type CommandSpec = {
	id: string;
	keys: readonly KeyName[];
	/** Short footer label; commands without one are listed only in help. */
	label?: string;
	help: string;
	scope: Scope;
	/** Cannot be undone: asks first. */
	dangerous?: boolean;
	disabledReason?: (context: KeyContext) => string | undefined;
};

const noModel = (c: KeyContext) => (c.selectedModel ? undefined : 'choose a model first (Enter in Devices)');
const noCsc = (c: KeyContext) => (c.csc && c.rowModel ? undefined : noModel(c) ?? 'no region under the cursor');
const noFirmware = (c: KeyContext) => noCsc(c) ?? (c.noFirmware ? `${c.csc} carries no firmware for ${c.rowModel} (r probes again)` : undefined);
const noJob = (c: KeyContext) => (c.job ? undefined : 'the queue is empty');
const finished = (c: KeyContext) => noJob(c) ?? (['done', 'cancelled', 'failed'].includes(c.job!.state) ? `the job is ${c.job!.state}` : undefined);

export const commands = [
	{id: 'confirm.yes', keys: ['y'], label: 'yes', help: 'Answer yes to the question in the footer', scope: 'confirm'},
	{id: 'confirm.no', keys: ['n', 'esc', 'enter'], label: 'no', help: 'Answer no (any other key also answers no)', scope: 'confirm'},
	{id: 'filter.apply', keys: ['enter'], label: 'apply', help: 'Keep the filter and leave the filter field', scope: 'filter'},
	{id: 'filter.clear', keys: ['esc'], label: 'clear', help: 'Clear the filter', scope: 'filter'},
	{id: 'edit.save', keys: ['enter'], label: 'save', help: 'Save the value', scope: 'edit'},
	{id: 'edit.cancel', keys: ['esc'], label: 'cancel', help: 'Leave the field unchanged', scope: 'edit'},
	{id: 'help.close', keys: ['esc', '?', 'q'], label: 'close', help: 'Close the help', scope: 'help'},
	{id: 'history.download', keys: ['enter', 'd'], label: 'download', help: 'Queue the selected build', scope: 'history'},
	{id: 'history.close', keys: ['esc', 'q'], label: 'close', help: 'Close the history', scope: 'history'},
	{id: 'settings.edit', keys: ['enter'], label: 'edit', help: 'Change the selected setting (a choice, like the protocol, steps to its next value)', scope: 'settings'},
	{id: 'settings.close', keys: ['esc', 's', 'q'], label: 'close', help: 'Close the settings', scope: 'settings'},
	{id: 'list.up', keys: ['up', 'k'], help: 'Move up', scope: 'list'},
	{id: 'list.down', keys: ['down', 'j'], help: 'Move down', scope: 'list'},
	{id: 'list.pageUp', keys: ['pageup'], help: 'Move a page up', scope: 'list'},
	{id: 'list.pageDown', keys: ['pagedown'], help: 'Move a page down', scope: 'list'},
	{id: 'list.top', keys: ['home', 'g'], help: 'Go to the first row', scope: 'list'},
	{id: 'list.bottom', keys: ['end', 'G'], help: 'Go to the last row', scope: 'list'},
	{id: 'devices.select', keys: ['enter'], label: 'select', help: 'Use this model: its regions fill the Regions pane', scope: 'devices'},
	{id: 'devices.filter', keys: ['/'], label: 'filter', help: 'Filter models as you type (code or marketing name)', scope: 'devices'},
	{id: 'devices.favourite', keys: ['f'], label: 'favourite', help: 'Mark or unmark the model as a favourite (shown first)', scope: 'devices'},
	{id: 'regions.mark', keys: ['space'], label: 'mark', help: 'Mark the region for comparison', scope: 'regions', disabledReason: noCsc},
	{id: 'regions.download', keys: ['d'], label: 'download', help: 'Queue the latest build of this region', scope: 'regions', disabledReason: noFirmware},
	{id: 'regions.history', keys: ['h'], label: 'history', help: 'Show the build history of this region', scope: 'regions', disabledReason: noCsc},
	{id: 'regions.prefer', keys: ['f'], label: 'prefer', help: 'Add or remove the region from your preferred regions', scope: 'regions', disabledReason: noCsc},
	{id: 'regions.filter', keys: ['/'], label: 'filter', help: 'Filter regions by code, country or carrier', scope: 'regions', disabledReason: noModel},
	{id: 'regions.refresh', keys: ['r'], label: 'refresh', help: 'Probe every CSC again for the model (region discovery; its answer is cached for 6 h)', scope: 'regions', disabledReason: noModel},
	{id: 'regions.all', keys: ['a'], label: 'all', help: 'Show or hide the regions without firmware (shown dimmed)', scope: 'regions', disabledReason: noModel},
	{id: 'compare.download', keys: ['d'], label: 'download', help: 'Queue the latest build of this region', scope: 'compare', disabledReason: noCsc},
	{id: 'compare.history', keys: ['h'], label: 'history', help: 'Show the build history of this region', scope: 'compare', disabledReason: noCsc},
	{id: 'queue.pause', keys: ['p'], label: 'pause/resume', help: 'Pause the job, or resume a paused one', scope: 'queue', disabledReason: finished},
	{id: 'queue.cancel', keys: ['x'], label: 'cancel', help: 'Cancel the job and delete its partial file (asks first)', scope: 'queue', dangerous: true, disabledReason: finished},
	{id: 'queue.retry', keys: ['r'], label: 'retry', help: 'Retry a failed or cancelled job', scope: 'queue',
		disabledReason: c => noJob(c) ?? (['failed', 'cancelled'].includes(c.job!.state) ? undefined : 'only a failed or cancelled job can be retried')},
	{id: 'queue.remove', keys: ['backspace'], label: 'remove', help: 'Remove a done or cancelled job from the list (a downloaded file stays)', scope: 'queue',
		disabledReason: c => noJob(c) ?? (['done', 'cancelled'].includes(c.job!.state) ? undefined : 'only a done or cancelled job can be removed (x cancels one)')},
	{id: 'errors.act', keys: ['enter'], label: 'act', help: 'Do what the error suggests (retry, settings, other region)', scope: 'errors',
		disabledReason: c => (c.errorCount === 0 ? 'no errors' : c.errorAction ? undefined : 'this error offers no action')},
	{id: 'errors.clear', keys: ['x'], label: 'clear', help: 'Clear the error list', scope: 'errors', disabledReason: c => (c.errorCount === 0 ? 'no errors' : undefined)},
	{id: 'app.compare', keys: ['c'], label: 'compare', help: 'Compare the latest builds of the marked (or preferred) regions', scope: 'global', disabledReason: noModel},
	{id: 'app.nextPane', keys: ['tab'], label: 'pane', help: 'Focus the next pane', scope: 'global'},
	{id: 'app.previousPane', keys: ['shift+tab'], help: 'Focus the previous pane', scope: 'global'},
	{id: 'app.focusDevices', keys: ['1'], help: 'Focus Devices', scope: 'global'},
	{id: 'app.focusRegions', keys: ['2'], help: 'Focus Regions', scope: 'global'},
	{id: 'app.focusCompare', keys: ['3'], help: 'Focus Compare', scope: 'global'},
	{id: 'app.focusQueue', keys: ['4'], help: 'Focus Queue', scope: 'global'},
	{id: 'app.focusErrors', keys: ['5'], help: 'Focus Errors', scope: 'global'},
	{id: 'app.settings', keys: ['s'], label: 'settings', help: 'Open the settings', scope: 'global'},
	{id: 'app.help', keys: ['?'], label: 'help', help: 'Show all keys', scope: 'global'},
	{id: 'app.quit', keys: ['q', 'ctrl+c'], label: 'quit', help: 'Quit (asks first while downloads run)', scope: 'global', dangerous: true},
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof commands)[number]['id'];
export type Command = CommandSpec & {id: CommandId};

export function commandById(id: CommandId): Command {
	return (commands as readonly Command[]).find(command => command.id === id)!;
}

export function commandsIn(scope: Scope): readonly Command[] {
	return (commands as readonly Command[]).filter(command => command.scope === scope);
}
