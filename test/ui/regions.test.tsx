import {test} from 'node:test';
import assert from 'node:assert/strict';
import chalk from 'chalk';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp, type Started} from '../helpers/start-app.js';

const widest = (frame: string) => Math.max(...frameLines(frame).map(line => line.length));

/** Selects SM-S918B and waits until region discovery has answered. */
async function selectFirstModel({app}: Started) {
	press(app, 'devices.select');
	return waitForFrame(app, /▶ 2 Regions SM-S918B \[\d+\][^\n]*\n[^\n]*(CSCs carry firmware|\d+\/\d+ with firmware ·)/);
}

test('discovery shows its progress in the pane, lists the CSCs found so far, then what carries firmware', async () => {
	using started = startApp({holdDiscovery: true});
	const {app, services} = started;
	press(app, 'devices.select');
	const probing = await waitForFrame(app, /probing 6\/12 · 4 with firmware/);
	assert.match(probing, /▶ 2 Regions SM-S918B \[4\]/);
	assert.match(probing, /EUX +S918BXXS8DYK1/);
	assert.doesNotMatch(probing, /SFR/, 'not probed yet, and hidden until all are shown');
	services.releaseDiscovery();
	const done = await waitForFrame(app, /4 of 12 CSCs carry firmware · discovered just now/);
	const rows = frameLines(done).slice(3, 8).map(line => /\[ \] +([A-Z0-9]{3})  (\S+)/.exec(line)?.slice(1).join(' '));
	assert.deepEqual(rows, ['BTU S918BXXU8DYI5', 'DBT S918BXXS8DYJ2', 'EUX S918BXXS8DYK1', 'XEF S918BXXS8DYK1', undefined]);
	assert.deepEqual(services.discoveryCalls, ['discover:SM-S918B']);
});

test('a fresh cached discovery answers at once with its age; r probes again and replaces it', async () => {
	using started = startApp({regionCacheAgeMs: 3 * 3_600_000 + 60_000, holdDiscovery: true});
	const {app, services} = started;
	press(app, 'devices.select');
	const cached = await waitForFrame(app, /2 of 12 CSCs carry firmware · discovered 3 h ago/);
	assert.match(cached, /EUX +S918BXXS8DYJ2/);
	assert.doesNotMatch(cached, /BTU/);
	assert.deepEqual(services.discoveryCalls, [], 'a fresh cache asks the server nothing');
	press(app, 'regions.refresh');
	const refreshing = await waitForFrame(app, /probing 6\/12 · 4 with firmware · last run 3 h ago/);
	assert.match(refreshing, /EUX +S918BXXS8DYK1/, 'answers replace the cached rows as they arrive');
	services.releaseDiscovery();
	const done = await waitForFrame(app, /4 of 12 CSCs carry firmware · discovered just now/);
	assert.match(done, /BTU +S918BXXU8DYI5/);
	assert.deepEqual(services.discoveryCalls, ['discover:SM-S918B']);
});

test('a stale cache is shown while discovery runs in the background', async () => {
	using started = startApp({regionCacheAgeMs: 8 * 3_600_000, holdDiscovery: true});
	const {app, services} = started;
	press(app, 'devices.select');
	const stale = await waitForFrame(app, /probing \d+\/12 · \d with firmware · last run 8 h ago/);
	assert.match(stale, /XEF +S918BXXS8D/);
	services.releaseDiscovery();
	await waitForFrame(app, /4 of 12 CSCs carry firmware · discovered just now/);
});

test('a shows the CSCs without firmware dimmed and marked in words; preferred ones stay on top either way', async t => {
	// Dimming shows only when the colour library thinks the terminal has colours.
	const level = chalk.level;
	chalk.level = 1;
	t.after(() => {
		chalk.level = level;
	});
	using started = startApp();
	const {app, services} = started;
	services.settingsStore.setPreferredRegions(['SFR', 'XEF']);
	await selectFirstModel(started);
	const lines = frameLines(app.lastFrame());
	assert.match(lines[3]!, /› \[ \] ★ SFR  no firmware/);
	assert.match(lines[4]!, /\[ \] ★ XEF  S918BXXS8DYK1/);
	assert.match(lines[3]!, /\u001B\[2m/, 'a preferred region without firmware is dimmed');
	assert.doesNotMatch(lines[4]!, /\u001B\[2m/, 'one with firmware is not');
	assert.match(app.lastFrame(), /Regions SM-S918B \[5\]/);
	press(app, 'regions.all');
	const all = await waitForFrame(app, /Regions SM-S918B \[12\] · all/);
	assert.match(all, /FTM  no firmware +France · Orange/);
	assert.match(all, /\u001B\[2m[^\n]*FTM  no firmware/, 'rows without firmware are dimmed');
	press(app, 'regions.all');
	await waitForFrame(app, /Regions SM-S918B \[5\] ═/);
});

test('d on a region without firmware says why instead of queueing', async () => {
	using started = startApp();
	const {app, services} = started;
	services.settingsStore.setPreferredRegions(['SFR']);
	await selectFirstModel(started);
	press(app, 'regions.download');
	await waitForFrame(app, /d: SFR carries no firmware for SM-S918B \(r probes again\)/);
	assert.deepEqual(services.fakeQueue.calls, []);
});

test('failed probes keep their row and are counted; r retries them', async () => {
	using started = startApp({failDiscovery: ['DBT', 'ITV']});
	const {app, services} = started;
	const frame = await selectFirstModel(started);
	assert.match(frame, /3 of 12 CSCs carry firmware · discovered just now · 2 failed \(r retries\)/);
	assert.match(frame, /DBT  probe failed/);
	assert.match(frame, /ITV  probe failed/);
	press(app, 'regions.refresh');
	await waitForFrame(app, () => services.discoveryCalls.length === 2);
});

test('Space marks several regions; the title carries the count, the filter and the marks', async () => {
	using started = startApp();
	const {app} = started;
	await selectFirstModel(started);
	press(app, 'regions.mark');
	press(app, 'list.down');
	press(app, 'regions.mark');
	const marked = await waitForFrame(app, /Regions SM-S918B \[4\] · 2 marked/);
	assert.match(marked, /\[x\] +BTU/);
	assert.match(marked, /\[x\] +DBT/);
	assert.match(marked, /\[ \] +EUX/);
	press(app, 'regions.filter');
	app.type('FR');
	const filtered = await waitForFrame(app, /Regions SM-S918B \[1\] \/FR · 2 marked/);
	assert.match(filtered, /XEF  S918BXXS8DYK1 +Android 16 +France/);
	press(app, 'filter.apply');
	press(app, 'regions.all');
	const all = await waitForFrame(app, /Regions SM-S918B \[3\] \/FR · all · 2 marked/);
	assert.match(all, /SFR  no firmware +France · SFR/);
});

test('narrow 80×24 and wide 140×40: rows fit, the wide grid drops the Android column', async () => {
	using narrow = startApp();
	await selectFirstModel(narrow);
	const small = narrow.app.lastFrame();
	assert.equal(frameLines(small).length, 24);
	assert.ok(widest(small) <= 80);
	assert.match(small, /BTU  S918BXXU8DYI5  Android 15  United Kingdom/);
	assert.match(frameLines(small).at(-1)!, /^Space mark · d download · h history · f prefer · \/ filter · r refresh · a all/);

	using wide = startApp({columns: 140, rows: 40});
	await selectFirstModel(wide);
	const large = wide.app.lastFrame();
	assert.equal(frameLines(large).length, 40);
	assert.ok(widest(large) <= 140);
	assert.match(large, /║› \[ \]   BTU  S918BXXU8DYI5  United Kingdom║/);
	assert.match(large, /║4\/12 with firmware · just now +║/, 'the short status keeps the age');
});

test('preferred regions come first with a ★, and f toggles one', async () => {
	using started = startApp();
	const {app, services} = started;
	services.settingsStore.setPreferredRegions(['XEF']);
	await selectFirstModel(started);
	assert.match(frameLines(app.lastFrame())[3]!, /› \[ \] ★ XEF +S918BXXS8DYK1/);
	press(app, 'list.down');
	press(app, 'regions.prefer'); // BTU
	await waitForFrame(app, /★ BTU/);
	assert.deepEqual(services.settingsStore.getSnapshot().preferredRegions, ['XEF', 'BTU']);
});

test('d on a region queues its latest build', async () => {
	using started = startApp();
	const {app, services} = started;
	await selectFirstModel(started);
	press(app, 'regions.download');
	await waitForFrame(app, /Queued SM-S918B\/BTU \(latest\)/);
	assert.deepEqual(services.fakeQueue.calls, ['enqueue:SM-S918B/BTU']);
	press(app, 'app.focusQueue');
	await waitForFrame(app, /› queued +SM-S918B\/BTU/);
});

test('h shows the build history; Enter queues the selected build', async () => {
	using started = startApp();
	const {app, services} = started;
	await selectFirstModel(started);
	press(app, 'regions.history');
	const history = await waitForFrame(app, /History SM-S918B\/BTU \[4\]/);
	assert.match(history, /› ● S918BXXS8DYK1 +2025-11 +Android 16 +served now/);
	assert.match(history, /S918BZCU9ZYK2 .* beta/);
	assert.match(frameLines(history).at(-1)!, /^Enter download · Esc close/);
	press(app, 'list.down');
	press(app, 'history.download');
	await waitForFrame(app, /Queued SM-S918B\/BTU S918BXXS8DYJ2/);
	assert.deepEqual(services.fakeQueue.calls, ['enqueue:SM-S918B/BTU/S918BXXS8DYJ2']);
	assert.match(app.lastFrame(), /▶ 2 Regions/);
});

test('a failed history is explained in the overlay, without a stack trace', async () => {
	using started = startApp({failHistory: ['BTU']});
	const {app} = started;
	await selectFirstModel(started);
	press(app, 'regions.history');
	const failed = await waitForFrame(app, /✗ FUS_STATUS: FUS refused the request \(status 408\)/);
	assert.match(failed, /cause: /);
	assert.match(failed, /fix: /);
	assert.doesNotMatch(failed, /\bat .*\.js:\d+/);
	app.type('\u001B');
	await waitForFrame(app, /▶ 2 Regions/);
});

test('the cursor stays on its region while discovery answers reorder the rows', async () => {
	using started = startApp({holdDiscovery: true});
	const {app, services} = started;
	press(app, 'devices.select');
	await waitForFrame(app, /probing 6\/12/);
	press(app, 'regions.all');
	press(app, 'list.bottom');
	// Not probed yet rows sit above the empty ones: PHE is last for now.
	await waitForFrame(app, /› \[ \]   PHE  no firmware/);
	services.releaseDiscovery();
	await waitForFrame(app, /4 of 12 CSCs carry firmware/);
	// The cursor follows its row on the render after the rows moved.
	const done = await waitForFrame(app, frame => /› \[ \]   PHE  no firmware/.test(frame));
	assert.match(done, /4 of 12 CSCs carry firmware/);
	assert.doesNotMatch(done, /› \[ \]   XEO/);
});

test('the grid at 100×30 gives Regions a narrow column: the build stays whole, the country goes', async () => {
	using started = startApp({columns: 100, rows: 30});
	const frame = await selectFirstModel(started);
	assert.ok(widest(frame) <= 100);
	assert.match(frame, /║› \[ \]   BTU  S918BXXU8DYI5 +║/);
	assert.match(frame, /║4\/12 with firmware · just now +║/);
});
