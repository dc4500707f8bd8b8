import {test} from 'node:test';
import assert from 'node:assert/strict';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

test('settings: a wrong IMEI is refused with the reason; a valid one is stored and shown masked', async () => {
	using started = startApp({columns: 100, rows: 24});
	const {app, services} = started;
	press(app, 'devices.select');
	await waitForFrame(app, /▶ 2 Regions SM-S918B/);
	press(app, 'app.settings');
	await waitForFrame(app, /Settings · SM-S918B/);
	press(app, 'settings.edit');
	await waitForFrame(app, frame => frameLines(frame).at(-1)!.startsWith('Enter save · Esc cancel'));
	app.type('351234567890125');
	await waitForFrame(app, /351234567890125▏/);
	press(app, 'edit.save');
	const refused = await waitForFrame(app, /✗ the IMEI 35123456••••••5 fails its check digit/);
	assert.doesNotMatch(refused, /\bat .*\.js:\d+/);
	for (let index = 0; index < 15; index++) app.type('\u007F');
	app.type('351234567890124');
	press(app, 'edit.save');
	const saved = await waitForFrame(app, /Device id \(IMEI or serial\) for the model +35123456••••••4/);
	assert.doesNotMatch(saved, /351234567890124/);
	assert.deepEqual(services.settingsStore.deviceIdsFor('SM-S918B'), ['351234567890124']);
});

test('settings: concurrency is validated and saved', async () => {
	using started = startApp({columns: 100, rows: 24});
	const {app, services} = started;
	press(app, 'app.settings');
	await waitForFrame(app, /Settings/);
	press(app, 'list.down');
	press(app, 'list.down');
	press(app, 'list.down');
	press(app, 'settings.edit');
	await waitForFrame(app, /Jobs at once +2▏/);
	app.type('\u007F');
	app.type('9');
	press(app, 'edit.save');
	await waitForFrame(app, /✗ jobs at once must be a whole number from 1 to 8/);
	app.type('\u007F');
	app.type('3');
	press(app, 'edit.save');
	await waitForFrame(app, /Jobs at once +3\s/);
	assert.equal(services.settingsStore.getSnapshot().concurrency, 3);
	press(app, 'settings.close');
	await waitForFrame(app, /▶ 1 Devices/);
});
