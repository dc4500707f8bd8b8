import {test} from 'node:test';
import assert from 'node:assert/strict';
import {SettingsStore} from '../../source/core/store/settings-store.js';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

const widest = (frame: string) => Math.max(...frameLines(frame).map(line => line.length));

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

test('settings: Enter steps the protocol auto → smart → classic → auto, and each step is stored in the config file', async () => {
	using started = startApp();
	const {app, services} = started;
	press(app, 'app.settings');
	await waitForFrame(app, /Settings/);
	press(app, 'list.bottom');
	await waitForFrame(app, /› Protocol \(Enter switches\) +\[auto\] smart classic/);
	press(app, 'settings.edit');
	const smart = await waitForFrame(app, /Protocol \(Enter switches\) +auto \[smart\] classic/);
	assert.ok(widest(smart) <= 80);
	assert.equal(services.settingsStore.getSnapshot().protocol, 'smart');
	assert.equal(new SettingsStore({configDir: services.configDir}).getSnapshot().protocol, 'smart', 'persisted, not only in memory');
	press(app, 'settings.edit');
	await waitForFrame(app, /auto smart \[classic\]/);
	press(app, 'settings.edit');
	await waitForFrame(app, /\[auto\] smart classic/);
	assert.equal(new SettingsStore({configDir: services.configDir}).getSnapshot().protocol, 'auto');
});

test('settings: per stored model, the protocol variant that worked last, live as downloads remember it', async () => {
	using started = startApp();
	const {app, services} = started;
	services.settingsStore.rememberProtocol('SM-A546B', 'classic');
	services.settingsStore.addDeviceId('SM-S918B', '351234567890124');
	press(app, 'devices.select');
	await waitForFrame(app, /▶ 2 Regions SM-S918B/);
	press(app, 'app.settings');
	const frame = await waitForFrame(app, /Protocol per model · auto tries what worked last first/);
	const lines = frameLines(frame);
	const heading = lines.findIndex(line => line.includes('Protocol per model'));
	assert.match(lines[heading + 1]!, /║ {2}SM-S918B +nothing downloaded yet +║/, 'the chosen model first');
	assert.match(lines[heading + 2]!, /║ {2}SM-A546B +classic worked last · no device id \(classic needs one\)/);
	services.settingsStore.rememberProtocol('SM-S918B', 'smart'); // what the queue does after a download
	await waitForFrame(app, /SM-S918B +smart worked last/);
	press(app, 'list.bottom');
	press(app, 'settings.edit');
	await waitForFrame(app, /Protocol per model · not used now: every download uses smart/);
});

test('settings: with many stored models the list is cut to the overlay with a count of the rest', async () => {
	using started = startApp();
	const {app, services} = started;
	for (let index = 10; index < 40; index++) services.settingsStore.rememberProtocol(`SM-T${index}0`, index % 2 ? 'smart' : 'classic');
	press(app, 'app.settings');
	const frame = await waitForFrame(app, /… \d+ more/);
	assert.equal(frameLines(frame).length, 24);
	assert.match(frame, /SM-T100 +classic worked last/);
	assert.doesNotMatch(frame, /SM-T390/);
});

test('settings: a value longer than its room keeps its end (where the typing is) in view while editing', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'app.settings');
	await waitForFrame(app, /Settings/);
	press(app, 'list.down');
	press(app, 'list.down'); // Download folder
	press(app, 'settings.edit');
	await waitForFrame(app, /Download folder +\S*▏/);
	for (const part of ['/srv/firmware', '/samsung', '/galaxy-s23', '/ultra-eu', '/incoming']) {
		app.type(part);
		await waitForFrame(app, new RegExp(`${part}▏`));
	}

	const frame = app.lastFrame();
	assert.match(frame, /› Download folder +…\S*\/ultra-eu\/incoming▏ *║/);
	assert.ok(widest(frame) <= 80);
});
