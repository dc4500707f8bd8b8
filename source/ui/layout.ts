import {paneIds, type PaneId} from './keys.js';

export type Size = {columns: number; rows: number};

export type PaneBox = {id: PaneId; width: number; height: number; collapsed: boolean};
export type LayoutColumn = {width: number; panes: PaneBox[]};

export type Layout =
	| {mode: 'grid' | 'stack'; columns: LayoutColumn[]; bodyHeight: number; width: number}
	| {mode: 'too-small'; width: number; bodyHeight: number; columns: []};

export const minimumSize = {columns: 40, rows: 10} as const;
const grid = {columns: 100, rows: 28} as const;
/** The footer takes the last row. */
const footerRows = 1;

/**
 * Which panes show and how big, from the terminal size alone. Wide terminals get a grid: Devices
 * over Regions on the left, Compare, Queue and Errors on the right. Narrower ones stack the panes:
 * the focused one takes the space, the others keep one title line each.
 */
export function computeLayout(size: Size, focus: PaneId = 'devices'): Layout {
	const width = Math.max(0, size.columns);
	const bodyHeight = Math.max(0, size.rows - footerRows);
	if (size.columns < minimumSize.columns || size.rows < minimumSize.rows) {
		return {mode: 'too-small', width, bodyHeight, columns: []};
	}

	if (size.columns >= grid.columns && size.rows >= grid.rows) {
		const left = clamp(Math.floor(width * 0.32), 30, 44);
		const right = width - left;
		const devices = Math.floor(bodyHeight / 2);
		const errors = clamp(Math.floor(bodyHeight * 0.22), 5, 10);
		const queue = Math.floor((bodyHeight - errors) * 0.45);
		return {
			mode: 'grid',
			width,
			bodyHeight,
			columns: [
				{width: left, panes: [box('devices', left, devices), box('regions', left, bodyHeight - devices)]},
				{width: right, panes: [box('compare', right, bodyHeight - errors - queue), box('queue', right, queue), box('errors', right, errors)]},
			],
		};
	}

	const collapsedCount = paneIds.length - 1;
	return {
		mode: 'stack',
		width,
		bodyHeight,
		columns: [{
			width,
			panes: paneIds.map(id => (id === focus
				? box(id, width, bodyHeight - collapsedCount)
				: {id, width, height: 1, collapsed: true})),
		}],
	};
}

function box(id: PaneId, width: number, height: number): PaneBox {
	return {id, width, height, collapsed: false};
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
