import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compareRows} from '../../source/ui/model/compare-rows.js';
import {deviceRows} from '../../source/ui/model/device-rows.js';
import {errorAction} from '../../source/ui/model/error-actions.js';
import {groupErrors} from '../../source/ui/model/error-groups.js';
import {defaultSettings} from '../../source/core/store/settings-types.js';
import {formatAge} from '../../source/ui/format.js';
import {protocolMemoryRows} from '../../source/ui/model/protocol-memory-rows.js';
import {nextChoice} from '../../source/ui/model/settings-fields.js';
import {discoveryStatus} from '../../source/ui/model/discovery-status.js';
import {regionRows, regionsToCompare} from '../../source/ui/model/region-rows.js';
import type {DiscoveredRegion} from '../../source/ui/services.js';
import {initialUiState, uiReducer} from '../../source/ui/state/ui-state.js';
import {fakeCscs, fakeExplanation, fakeModels} from '../helpers/fake-services.js';

test('devices: favourites first in their order, then recent, then the catalog order', () => {
	const rows = deviceRows(fakeModels, ['SM-X710', 'SM-A546B'], ['SM-G991B', 'SM-A546B']);
	assert.deepEqual(rows.slice(0, 4).map(r => r.model), ['SM-X710', 'SM-A546B', 'SM-G991B', 'SM-S918B']);
	assert.equal(rows[1]!.favourite && rows[1]!.recent, true);
});

test('regions: preferred first, filter over code, country and carrier, marks carried', () => {
	const rows = regionRows(fakeCscs, ['XEF', 'DBT'], ['SFR'], '');
	assert.deepEqual(rows.slice(0, 3).map(r => r.csc), ['XEF', 'DBT', 'BTU']);
	assert.deepEqual(regionRows(fakeCscs, [], [], 'fr').map(r => r.csc), ['FTM', 'SFR', 'XEF']);
	assert.deepEqual(regionRows(fakeCscs, [], [], 'orange').map(r => r.csc), ['FTM']);
	assert.equal(rows.find(r => r.csc === 'SFR')!.marked, true);
});

test('regions with discovery: firmware first, the empty ones hidden unless all are shown, preferred always', () => {
	const discovered = new Map<string, DiscoveredRegion>([
		['EUX', {csc: 'EUX', state: 'ok', latest: 'A/B/C/D', android: '16'}],
		['DBT', {csc: 'DBT', state: 'failed'}],
		['SFR', {csc: 'SFR', state: 'none'}],
		['FTM', {csc: 'FTM', state: 'unknown'}],
	]);
	const shown = regionRows(fakeCscs, ['SFR'], [], '', {discovered});
	assert.deepEqual(shown.map(r => [r.csc, r.firmware]), [['SFR', 'none'], ['EUX', 'ok'], ['DBT', 'failed']]);
	assert.equal(shown[1]!.latest, 'A/B/C/D');
	const all = regionRows(fakeCscs, ['SFR'], [], '', {discovered, showAll: true});
	assert.equal(all.length, fakeCscs.length);
	assert.deepEqual(all.slice(0, 4).map(r => r.csc), ['SFR', 'EUX', 'DBT', 'BTU'], 'then the unprobed, then the empty');
	assert.equal(all.at(-1)!.csc, 'FTM');
	assert.deepEqual(regionRows(fakeCscs, [], [], '', {discovered: new Map()}), [], 'nothing known yet: nothing to show');
});

test('discovery status: progress while probing, count and age when done, a short form for narrow panes', () => {
	const hour = 3_600_000;
	const result = {model: 'M', discoveredAt: 0, stale: false, regions: [{csc: 'EUX', state: 'ok' as const}, {csc: 'XEF', state: 'unknown' as const}, {csc: 'BTU', state: 'failed' as const}]};
	assert.equal(discoveryStatus({model: 'M', status: 'done', result, found: new Map()}, 3 * hour), '1 of 3 CSCs carry firmware · discovered 3 h ago · 1 failed (r retries)');
	assert.equal(discoveryStatus({model: 'M', status: 'done', result, found: new Map()}, 3 * hour, 30), '1/3 with firmware · 3 h ago · 1 failed');
	const probing = {model: 'M', status: 'probing' as const, result, found: new Map([['XEF', {csc: 'XEF', state: 'ok' as const}]]), progress: {done: 120, total: 663}};
	assert.equal(discoveryStatus(probing, 8 * hour), 'probing 120/663 · 2 with firmware · last run 8 h ago');
	assert.equal(discoveryStatus(undefined, 0), '');
	assert.deepEqual([formatAge(30_000), formatAge(12 * 60_000), formatAge(47 * hour), formatAge(50 * hour)], ['just now', '12 min ago', '47 h ago', '2 d ago']);
});

test('compare picks marked regions, else preferred ones of the model, else the first few', () => {
	const rows = regionRows(fakeCscs, [], [], '');
	assert.deepEqual(regionsToCompare(rows, ['DBT'], ['XEF'], fakeCscs), ['DBT']);
	assert.deepEqual(regionsToCompare(rows, [], ['XEF', 'ZZZ'], fakeCscs), ['XEF']);
	assert.equal(regionsToCompare(rows, [], [], fakeCscs, 3).length, 3);
});

test('compare rows flag the newest build and count months behind; loading and failures keep their row', () => {
	const rows = compareRows([
		{csc: 'DBT', state: 'ok', pda: 'S918BXXS8DYJ2', buildYear: 2025, buildMonth: 10, android: '16'},
		{csc: 'EUX', state: 'ok', pda: 'S918BXXS8DYK1', buildYear: 2025, buildMonth: 11, android: '16'},
		{csc: 'BTU', state: 'ok', pda: 'S918BXXU8DYI5', buildYear: 2024, buildMonth: 12, android: '15'},
		{csc: 'XEF', state: 'ok', pda: 'S918BXXS8DYK0', buildYear: 2025, buildMonth: 11, android: '16'},
		{csc: 'ITV', state: 'loading'},
		{csc: 'SFR', state: 'none'},
		{csc: 'FTM', state: 'failed', error: fakeExplanation('Rate limited')},
	], fakeCscs);
	assert.deepEqual(rows.map(r => [r.csc, r.behind, r.newest]), [
		['DBT', '1 mo', false], ['EUX', 'newest', true], ['BTU', '11 mo', false], ['XEF', 'older build', false],
		['ITV', '', false], ['SFR', '', false], ['FTM', '', false],
	]);
	assert.equal(rows[1]!.built, '2025-11');
	assert.equal(rows[1]!.country, 'Europe (open)');
	assert.equal(rows[4]!.built, 'loading');
	assert.equal(rows[6]!.built, 'Rate limited');
});

test('errors: repeats of the same error collapse into one group, newest first', () => {
	const rate = fakeExplanation('Rate limited', 'wait-retry');
	const groups = groupErrors([
		{id: 1, at: 1, code: 'RATE_LIMITED', explanation: rate, model: 'SM-S918B', csc: 'EUX'},
		{id: 2, at: 2, code: 'CRC_MISMATCH', explanation: fakeExplanation('CRC mismatch', 'redownload'), jobId: 'j1'},
		{id: 3, at: 3, code: 'RATE_LIMITED', explanation: rate, model: 'SM-S918B', csc: 'EUX'},
	]);
	assert.deepEqual(groups.map(g => [g.entry.id, g.count]), [[3, 2], [2, 1]]);
});

test('an error offers the action its explanation names, when the context allows it', () => {
	const entry = (action: Parameters<typeof fakeExplanation>[1], extra = {}) => ({id: 1, at: 1, code: 'NETWORK' as const, explanation: fakeExplanation('x', action), ...extra});
	assert.equal(errorAction(entry('retry', {jobId: 'j1'}))?.kind, 'retry-job');
	assert.equal(errorAction(entry('retry')), undefined);
	assert.equal(errorAction(entry('enter-imei'))?.kind, 'open-settings');
	assert.equal(errorAction(entry('try-eux'))?.kind, 'focus-regions');
	assert.equal(errorAction(entry('report')), undefined);
});

test('ui state: focus cycles both ways, moves clamp, a new model clears marks and the region filter', () => {
	let state = uiReducer(initialUiState, {type: 'cycleFocus', delta: -1});
	assert.equal(state.focus, 'errors');
	state = uiReducer(state, {type: 'cycleFocus', delta: 1});
	assert.equal(state.focus, 'devices');
	state = uiReducer(state, {type: 'move', delta: 5, count: 3});
	assert.equal(state.cursors.devices, 2);
	state = uiReducer(state, {type: 'move', delta: Number.NEGATIVE_INFINITY, count: 3});
	assert.equal(state.cursors.devices, 0);
	state = uiReducer(state, {type: 'selectModel', model: 'A'});
	state = uiReducer(state, {type: 'toggleMark', csc: 'EUX'});
	state = uiReducer(state, {type: 'startFilter', pane: 'regions'});
	state = uiReducer(state, {type: 'typeFilter', text: 'fr'});
	assert.deepEqual([state.marked, state.filters.regions, state.input], [['EUX'], 'fr', 'filter']);
	state = uiReducer(state, {type: 'selectModel', model: 'B'});
	assert.deepEqual([state.marked, state.filters.regions], [[], '']);
});

test('protocol memory: stored models with the variant that worked last, the chosen model first; choices wrap', () => {
	const settings = {...defaultSettings(), protocolByModel: {'SM-X710': 'classic', 'SM-A546B': 'smart'} as const, deviceIds: {'SM-G991B': ['351234567890124']}};
	assert.deepEqual(protocolMemoryRows(settings, 'SM-S918B'), [
		{model: 'SM-S918B', deviceIds: 0},
		{model: 'SM-A546B', workedLast: 'smart', deviceIds: 0},
		{model: 'SM-G991B', deviceIds: 1},
		{model: 'SM-X710', workedLast: 'classic', deviceIds: 0},
	]);
	assert.deepEqual(protocolMemoryRows(defaultSettings()), []);
	assert.deepEqual(['auto', 'classic', 'bogus'].map(current => nextChoice(['auto', 'smart', 'classic'], current)), ['smart', 'auto', 'auto']);
});
