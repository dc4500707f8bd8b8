import {paneIds, type OverlayId, type PaneId} from '../keys.js';

export type Pending =
	| {kind: 'quit'; question: string}
	| {kind: 'cancel'; jobId: string; question: string};

export type FilterPane = 'devices' | 'regions';

export type UiState = {
	focus: PaneId;
	overlay?: OverlayId;
	/** A question in the footer, answered y/N. */
	pending?: Pending;
	/** Which text field takes typing, if any. */
	input?: 'filter' | 'edit';
	filterPane?: FilterPane;
	filters: Record<FilterPane, string>;
	cursors: Record<PaneId, number>;
	/** Cursor (or scroll offset) inside the open overlay. */
	overlayCursor: number;
	selectedModel?: string;
	/** CSCs marked for comparison, for the selected model. */
	marked: readonly string[];
	/** Regions lists the CSCs without firmware too (dimmed). */
	showAllRegions: boolean;
	editText: string;
	/** A one-off message in the footer; cleared by the next key. */
	flash?: string;
};

export type UiAction =
	| {type: 'focus'; pane: PaneId}
	| {type: 'cycleFocus'; delta: 1 | -1}
	| {type: 'move'; delta: number; count: number}
	| {type: 'setCursor'; pane: PaneId; index: number}
	| {type: 'openOverlay'; overlay: OverlayId}
	| {type: 'closeOverlay'}
	| {type: 'ask'; pending: Pending}
	| {type: 'answered'}
	| {type: 'startFilter'; pane: FilterPane}
	| {type: 'typeFilter'; text: string}
	| {type: 'applyFilter'}
	| {type: 'clearFilter'}
	| {type: 'startEdit'; text: string}
	| {type: 'typeEdit'; text: string}
	| {type: 'endEdit'}
	| {type: 'selectModel'; model: string}
	| {type: 'toggleMark'; csc: string}
	| {type: 'toggleAllRegions'}
	| {type: 'flash'; message?: string};

export const initialUiState: UiState = {
	focus: 'devices',
	filters: {devices: '', regions: ''},
	cursors: {devices: 0, regions: 0, compare: 0, queue: 0, errors: 0},
	overlayCursor: 0,
	marked: [],
	showAllRegions: false,
	editText: '',
};

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'focus': return {...state, focus: action.pane};
		case 'cycleFocus': {
			const index = paneIds.indexOf(state.focus);
			return {...state, focus: paneIds[(index + action.delta + paneIds.length) % paneIds.length]!};
		}

		case 'move': {
			const last = Math.max(0, action.count - 1);
			if (state.overlay) {
				return {...state, overlayCursor: clamp(state.overlayCursor + action.delta, 0, last)};
			}

			return {...state, cursors: {...state.cursors, [state.focus]: clamp(state.cursors[state.focus] + action.delta, 0, last)}};
		}

		case 'setCursor': return {...state, cursors: {...state.cursors, [action.pane]: Math.max(0, action.index)}};
		case 'openOverlay': return {...state, overlay: action.overlay, overlayCursor: 0};
		case 'closeOverlay': return {...state, overlay: undefined, input: undefined, overlayCursor: 0};
		case 'ask': return {...state, pending: action.pending};
		case 'answered': return {...state, pending: undefined};
		case 'startFilter': return {...state, input: 'filter', filterPane: action.pane};
		case 'typeFilter': {
			const pane = state.filterPane ?? 'devices';
			return {...state, filters: {...state.filters, [pane]: action.text}, cursors: {...state.cursors, [pane]: 0}};
		}

		case 'applyFilter': return {...state, input: undefined};
		case 'clearFilter': {
			const pane = state.filterPane ?? 'devices';
			return {...state, input: undefined, filters: {...state.filters, [pane]: ''}, cursors: {...state.cursors, [pane]: 0}};
		}

		case 'startEdit': return {...state, input: 'edit', editText: action.text};
		case 'typeEdit': return {...state, editText: action.text};
		case 'endEdit': return {...state, input: undefined, editText: ''};
		case 'selectModel': {
			if (state.selectedModel === action.model) return state;
			return {
				...state,
				selectedModel: action.model,
				marked: [],
				filters: {...state.filters, regions: ''},
				cursors: {...state.cursors, regions: 0, compare: 0},
			};
		}

		case 'toggleMark': {
			const marked = state.marked.includes(action.csc) ? state.marked.filter(csc => csc !== action.csc) : [...state.marked, action.csc];
			return {...state, marked};
		}

		case 'toggleAllRegions': return {...state, showAllRegions: !state.showAllRegions};
		case 'flash': return state.flash === action.message ? state : {...state, flash: action.message};
	}
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
