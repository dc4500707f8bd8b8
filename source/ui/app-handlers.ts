import type {Dispatch} from 'react';
import type {Settings} from '../core/store/settings-types.js';
import type {HistoryView} from './hooks/use-history.js';
import type {CommandId, KeyContext} from './keys.js';
import type {CompareRow} from './model/compare-rows.js';
import {deviceRows, type DeviceRow} from './model/device-rows.js';
import {errorAction} from './model/error-actions.js';
import type {ErrorGroup} from './model/error-groups.js';
import {regionsToCompare, type RegionRow} from './model/region-rows.js';
import {nextChoice, settingFields} from './model/settings-fields.js';
import {activeJobStates, type AppServices, type Csc, type QueueSnapshot} from './services.js';
import type {UiAction, UiState} from './state/ui-state.js';
import {redactDeviceIds} from '../core/identity/mask.js';

/** Everything a command needs: the state, what the screen shows, and the way out to core. */
export type HandlerEnv = {
	state: UiState;
	dispatch: Dispatch<UiAction>;
	services: AppServices;
	settings: Readonly<Settings>;
	context: KeyContext;
	devices: readonly DeviceRow[];
	regions: readonly RegionRow[];
	cscs: readonly Csc[];
	compareList: readonly CompareRow[];
	queue: QueueSnapshot;
	errors: readonly ErrorGroup[];
	history: {view?: HistoryView; open(model: string, csc: string): void; close(): void};
	startCompare(model: string, cscs: readonly string[]): void;
	/** Probes the selected model's regions again. */
	refreshRegions(): void;
	/** Rows the open overlay can move over. */
	overlayRows: number;
	setProblem(problem: string | undefined): void;
	exit(): void;
};

export type Handlers = Partial<Record<CommandId, () => void>>;

/**
 * A one-line reason, never a stack: the message of a FusdeckError or of anything else thrown, with
 * any IMEI-shaped number masked (the screen may end up in a screenshot).
 */
export function messageOf(error: unknown): string {
	return redactDeviceIds(error instanceof Error ? error.message : String(error));
}

export function createHandlers(env: HandlerEnv): Handlers {
	const {state, dispatch, services, context} = env;
	const flash = (message: string) => dispatch({type: 'flash', message});
	const attempt = (what: string, run: () => unknown) => {
		try {
			Promise.resolve(run()).catch((error: unknown) => flash(`${what}: ${messageOf(error)}`));
		} catch (error) {
			flash(`${what}: ${messageOf(error)}`);
		}
	};

	const enqueue = (model: string, csc: string, version?: string) => {
		attempt('could not queue', () => services.queue.enqueue(version ? {model, csc, version} : {model, csc}));
		flash(`Queued ${model}/${csc} ${version ? version.split('/')[0]! : '(latest)'}`);
	};

	const move = (delta: number) => {
		const counts = {devices: env.devices.length, regions: env.regions.length, compare: env.compareList.length, queue: env.queue.jobs.length, errors: env.errors.length};
		dispatch({type: 'move', delta, count: state.overlay ? env.overlayRows : counts[state.focus]});
	};

	const page = 10;
	const device = env.devices[state.cursors.devices];
	const job = context.job;

	return {
		'confirm.yes'() {
			dispatch({type: 'answered'});
			if (state.pending?.kind === 'quit') env.exit();
			if (state.pending?.kind === 'cancel') {
				const {jobId} = state.pending;
				attempt('could not cancel', () => services.queue.cancel(jobId));
			}
		},
		'confirm.no': () => dispatch({type: 'answered'}),
		'filter.apply': () => dispatch({type: 'applyFilter'}),
		'filter.clear': () => dispatch({type: 'clearFilter'}),
		'edit.save'() {
			const field = settingFields[state.overlayCursor];
			try {
				field?.save(services.settings, state.editText, state.selectedModel);
				env.setProblem(undefined);
				dispatch({type: 'endEdit'});
			} catch (error) {
				env.setProblem(messageOf(error));
			}
		},
		'edit.cancel'() {
			env.setProblem(undefined);
			dispatch({type: 'endEdit'});
		},
		'help.close': () => dispatch({type: 'closeOverlay'}),
		'settings.close': () => dispatch({type: 'closeOverlay'}),
		'history.close'() {
			env.history.close();
			dispatch({type: 'closeOverlay'});
		},
		'history.download'() {
			const view = env.history.view;
			const build = view?.builds[state.overlayCursor];
			if (!view || !build) {
				flash(view?.status === 'loading' ? 'the history is still loading' : 'no build to download');
				return;
			}

			enqueue(view.model, view.csc, build.version);
			env.history.close();
			dispatch({type: 'closeOverlay'});
		},
		'settings.edit'() {
			const field = settingFields[state.overlayCursor];
			if (!field) return;
			const current = field.initial(env.settings, state.selectedModel);
			if (!field.choices) {
				dispatch({type: 'startEdit', text: current});
				return;
			}

			try {
				field.save(services.settings, nextChoice(field.choices, current), state.selectedModel);
				env.setProblem(undefined);
			} catch (error) {
				env.setProblem(messageOf(error));
			}
		},
		'list.up': () => move(-1),
		'list.down': () => move(1),
		'list.pageUp': () => move(-page),
		'list.pageDown': () => move(page),
		'list.top': () => move(Number.NEGATIVE_INFINITY),
		'list.bottom': () => move(Number.POSITIVE_INFINITY),
		'devices.select'() {
			if (!device) return;
			dispatch({type: 'selectModel', model: device.model});
			attempt('could not remember the model', () => services.settings.noteRecent(device.model));
			dispatch({type: 'focus', pane: 'regions'});
		},
		'devices.filter': () => dispatch({type: 'startFilter', pane: 'devices'}),
		'devices.favourite'() {
			if (!device) return;
			attempt('could not save the favourite', () => {
				services.settings.toggleFavourite(device.model);
				// The list reorders (favourites first); keep the cursor on the same model.
				const {favouriteModels, recentModels} = services.settings.getSnapshot();
				const index = deviceRows(services.searchModels(state.filters.devices), favouriteModels, recentModels).findIndex(row => row.model === device.model);
				dispatch({type: 'setCursor', pane: 'devices', index});
			});
		},
		'regions.mark': () => dispatch({type: 'toggleMark', csc: context.csc!}),
		'regions.download': () => enqueue(context.rowModel!, context.csc!),
		'compare.download': () => enqueue(context.rowModel!, context.csc!),
		'regions.history': () => openHistory(),
		'compare.history': () => openHistory(),
		'regions.prefer': () => attempt('could not save the preferred region', () => services.settings.togglePreferredRegion(context.csc!)),
		'regions.filter': () => dispatch({type: 'startFilter', pane: 'regions'}),
		'regions.refresh': () => env.refreshRegions(),
		'regions.all': () => dispatch({type: 'toggleAllRegions'}),
		'queue.pause'() {
			const id = job!.id;
			attempt('could not pause or resume', () => (job!.state === 'paused' ? services.queue.resume(id) : services.queue.pause(id)));
		},
		'queue.cancel': () => dispatch({type: 'ask', pending: {kind: 'cancel', jobId: job!.id, question: `Cancel the download of ${job!.model}/${job!.csc}?`}}),
		'queue.retry': () => attempt('could not retry', () => services.queue.retry(job!.id)),
		'queue.remove': () => attempt('could not remove', () => services.queue.remove(job!.id)),
		'errors.act'() {
			const group = env.errors[state.cursors.errors];
			const action = group && errorAction(group.entry);
			if (!action) return;
			switch (action.kind) {
				case 'retry-job': {
					// The queue only retries a failed or cancelled job; say so instead of doing nothing.
					const target = env.queue.jobs.find(candidate => candidate.id === action.jobId);
					if (target && !['failed', 'cancelled'].includes(target.state)) {
						flash(`the job ${target.model}/${target.csc} is ${target.state}; nothing to retry`);
						break;
					}

					attempt('could not retry', () => services.queue.retry(action.jobId));
					break;
				}

				case 'download-latest': {
					enqueue(action.model, action.csc);
					break;
				}

				case 'open-settings': {
					dispatch({type: 'openOverlay', overlay: 'settings'});
					break;
				}

				case 'focus-regions': {
					dispatch({type: 'focus', pane: 'regions'});
					break;
				}
			}
		},
		'errors.clear': () => attempt('could not clear the errors', () => services.errors.clear()),
		'app.compare'() {
			const model = state.selectedModel!;
			const cscs = regionsToCompare(env.regions, state.marked, env.settings.preferredRegions, env.cscs);
			env.startCompare(model, cscs);
			dispatch({type: 'focus', pane: 'compare'});
		},
		'app.nextPane': () => dispatch({type: 'cycleFocus', delta: 1}),
		'app.previousPane': () => dispatch({type: 'cycleFocus', delta: -1}),
		'app.focusDevices': () => dispatch({type: 'focus', pane: 'devices'}),
		'app.focusRegions': () => dispatch({type: 'focus', pane: 'regions'}),
		'app.focusCompare': () => dispatch({type: 'focus', pane: 'compare'}),
		'app.focusQueue': () => dispatch({type: 'focus', pane: 'queue'}),
		'app.focusErrors': () => dispatch({type: 'focus', pane: 'errors'}),
		'app.settings'() {
			env.setProblem(undefined);
			dispatch({type: 'openOverlay', overlay: 'settings'});
		},
		'app.help': () => dispatch({type: 'openOverlay', overlay: 'help'}),
		'app.quit'() {
			const unfinished = env.queue.jobs.filter(candidate => activeJobStates.includes(candidate.state));
			if (unfinished.length === 0) {
				env.exit();
				return;
			}

			dispatch({type: 'ask', pending: {kind: 'quit', question: quitQuestion(unfinished.length, unfinished.filter(job => job.state === 'queued').length)}});
		},
	};

	function openHistory() {
		env.history.open(context.rowModel!, context.csc!);
		dispatch({type: 'openOverlay', overlay: 'history'});
	}
}

/** Running and queued jobs told apart, as the Queue pane counts them: both resume at the next start. */
function quitQuestion(unfinished: number, queued: number): string {
	const running = unfinished - queued;
	const plural = (n: number) => (n === 1 ? '' : 's');
	if (running === 0) {
		return `Quit with ${queued} download${plural(queued)} still queued?`;
	}

	return `Quit and stop ${running} download${plural(running)}${queued > 0 ? ` (${queued} more queued)` : ''}?`;
}
