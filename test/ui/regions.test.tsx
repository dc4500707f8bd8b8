import {test} from 'node:test';
import assert from 'node:assert/strict';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp, type Started} from '../helpers/start-app.js';

async function selectFirstModel({app}: Started) {
	press(app, 'devices.select');
	await waitForFrame(app, /▶ 2 Regions SM-S918B \[12\]/);
}

test('Space marks several regions; the title carries the count, the filter and the marks', async () => {
	using started = startApp();
	const {app} = started;
	await selectFirstModel(started);
	press(app, 'regions.mark');
	press(app, 'list.down');
	press(app, 'regions.mark');
	const marked = await waitForFrame(app, /Regions SM-S918B \[12\] · 2 marked/);
	assert.match(marked, /\[x\] +BTU/);
	assert.match(marked, /\[x\] +DBT/);
	assert.match(marked, /\[ \] +EUX/);
	press(app, 'regions.filter');
	app.type('FR');
	const filtered = await waitForFrame(app, /Regions SM-S918B \[3\] \/FR · 2 marked/);
	assert.match(filtered, /FTM +France · Orange/);
	assert.match(filtered, /SFR +France · SFR/);
	assert.match(filtered, /XEF +France/);
});

test('preferred regions come first with a ★, and f toggles one', async () => {
	using started = startApp();
	const {app, services} = started;
	services.settingsStore.setPreferredRegions(['XEF']);
	await selectFirstModel(started);
	assert.match(frameLines(app.lastFrame())[2]!, /› \[ \] ★ XEF +France/);
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
