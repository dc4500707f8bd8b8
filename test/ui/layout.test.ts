import {test} from 'node:test';
import assert from 'node:assert/strict';
import {computeLayout} from '../../source/ui/layout.js';

function heights(layout: ReturnType<typeof computeLayout>) {
	return layout.columns.map(column => column.panes.reduce((sum, pane) => sum + pane.height, 0));
}

test('80×24 stacks the panes: the focused one gets the room, the others one title line each', () => {
	const layout = computeLayout({columns: 80, rows: 24}, 'regions');
	assert.equal(layout.mode, 'stack');
	assert.deepEqual(layout.columns[0]!.panes.map(p => [p.id, p.height, p.collapsed]), [
		['devices', 1, true], ['regions', 19, false], ['compare', 1, true], ['queue', 1, true], ['errors', 1, true],
	]);
	assert.deepEqual(heights(layout), [23]);
	assert.equal(layout.columns[0]!.width, 80);
});

test('60×20 stacks too and fills the rows above the footer', () => {
	const layout = computeLayout({columns: 60, rows: 20}, 'queue');
	assert.equal(layout.mode, 'stack');
	assert.deepEqual(heights(layout), [19]);
	assert.equal(layout.columns[0]!.panes.find(p => p.id === 'queue')!.height, 15);
});

test('a wide terminal gets a grid: Devices over Regions, then Compare, Queue and Errors', () => {
	const layout = computeLayout({columns: 140, rows: 40});
	assert.equal(layout.mode, 'grid');
	assert.deepEqual(layout.columns.map(c => c.panes.map(p => p.id)), [['devices', 'regions'], ['compare', 'queue', 'errors']]);
	assert.equal(layout.columns.reduce((sum, c) => sum + c.width, 0), 140);
	assert.deepEqual(heights(layout), [39, 39]);
	assert.ok(layout.columns.every(c => c.panes.every(p => !p.collapsed && p.height >= 5)));
});

test('the layout is the same for the same size, whatever the focus, in grid mode', () => {
	assert.deepEqual(computeLayout({columns: 120, rows: 30}, 'devices'), computeLayout({columns: 120, rows: 30}, 'queue'));
});

test('below the minimum size the layout says so instead of drawing broken panes', () => {
	assert.equal(computeLayout({columns: 30, rows: 24}).mode, 'too-small');
	assert.equal(computeLayout({columns: 80, rows: 8}).mode, 'too-small');
});
