import {test} from 'node:test';
import assert from 'node:assert/strict';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

const footer = (frame: string) => frameLines(frame).at(-1)!;

test('/ filters models as you type, by code or marketing name; Enter keeps the filter', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'devices.filter');
	await waitForFrame(app, frame => footer(frame).startsWith('Filter devices: ▏ · Enter apply · Esc clear'));
	app.type('u');
	app.type('l');
	const filtered = await waitForFrame(app, /1 Devices \[2\] \/ul/);
	assert.match(filtered, /SM-S918B +Galaxy S23 Ultra/);
	assert.match(filtered, /SM-S928B +Galaxy S24 Ultra/);
	assert.doesNotMatch(filtered, /Galaxy A54/);
	assert.match(footer(filtered), /^Filter devices: ul▏/);
	app.type('\u007F'); // Backspace
	await waitForFrame(app, /1 Devices \[\d+\] \/u ═/);
	press(app, 'filter.apply');
	const applied = await waitForFrame(app, frame => footer(frame).startsWith('Enter select'));
	assert.match(applied, /1 Devices \[\d+\] \/u/);
	// Keys act again once the filter is applied: `f` is favourite, not text.
	press(app, 'devices.favourite');
	await waitForFrame(app, /★ SM-/);
});

test('Esc clears the filter and shows every model again', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'devices.filter');
	app.type('fold');
	await waitForFrame(app, /1 Devices \[1\] \/fold/);
	press(app, 'filter.clear');
	await waitForFrame(app, /1 Devices \[8\] ═/);
	assert.match(footer(app.lastFrame()), /^Enter select/);
});

test('favourites and recently used models come first; Enter selects the model and opens its regions', async () => {
	using started = startApp();
	const {app, services} = started;
	press(app, 'list.bottom'); // SM-X710
	press(app, 'devices.favourite');
	await waitForFrame(app, /› ★ SM-X710/);
	assert.ok(frameLines(app.lastFrame())[1]!.includes('★ SM-X710'), 'the favourite is first');
	press(app, 'list.down');
	press(app, 'list.down');
	press(app, 'devices.select'); // the third row: SM-S911B
	const regions = await waitForFrame(app, /╔═ ▶ 2 Regions SM-S911B \[4\]/);
	assert.match(regions, /── 1 Devices \[8\]/);
	assert.deepEqual(services.settingsStore.getSnapshot().favouriteModels, ['SM-X710']);
	assert.deepEqual(services.settingsStore.getSnapshot().recentModels, ['SM-S911B']);
	press(app, 'app.focusDevices');
	const devices = await waitForFrame(app, /╔═ ▶ 1 Devices/);
	assert.match(devices, /★ SM-X710/);
	assert.match(devices, /↺ SM-S911B +Galaxy S23 ✓/);
});

test('keys that arrive in one read (fast typing over SSH, key repeat, a paste) each count', async () => {
	using started = startApp();
	const {app} = started;
	app.type('jj'); // one chunk: two moves down
	await waitForFrame(app, frame => frameLines(frame)[3]!.startsWith('║› '));
	app.type('/fold\r'); // start a filter, type, apply: all in one chunk
	const applied = await waitForFrame(app, /1 Devices \[1\] \/fold/);
	await waitForFrame(app, frame => footer(frame).startsWith('Enter select'));
	assert.match(applied, /SM-F946B/);
	app.type('j 2'); // a move, a space (no-op in Devices) and a focus key
	await waitForFrame(app, /╔═ ▶ 2 Regions/);
});

test('a filter longer than the footer keeps its end (where the typing is) in view', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'devices.filter');
	for (let index = 0; index < 20; index++) {
		const chunk = index % 2 === 0 ? 'abcd' : 'klmn';
		app.type(chunk);
		await waitForFrame(app, frame => footer(frame).includes(`${chunk}▏`));
	}

	app.type('END');
	const frame = await waitForFrame(app, frame => footer(frame).includes('END▏'));
	assert.match(footer(frame), /^Filter devices: …[a-n]+END▏/);
	assert.ok(frameLines(frame).every(line => line.length <= 80));
});

test('a burst of a hundred keys is handled key by key without tripping React\'s nested-update limit', async t => {
	const errors = t.mock.method(console, 'error', () => undefined);
	using started = startApp();
	const {app} = started;
	press(app, 'devices.filter');
	await waitForFrame(app, frame => footer(frame).startsWith('Filter devices: ▏'));
	for (let index = 0; index < 120; index++) {
		app.type(index % 2 === 0 ? 'x' : '\u007F'); // typed and erased, faster than the screen renders
	}

	app.type('fold');
	await waitForFrame(app, frame => footer(frame).includes('Filter devices: fold▏'));
	const warnings = errors.mock.calls.map(call => String(call.arguments[0])).filter(message => message.includes('Maximum update depth'));
	assert.deepEqual(warnings, []);
});

test('a paste (bracketed) goes into the filter as one line of text, and outside a text field is not read as keys', async () => {
	using started = startApp({jobs: []});
	const {app} = started;
	app.type('\u001B[200~qj2\u001B[201~'); // would quit, move and focus Regions if read as keys
	await waitForFrame(app, frame => footer(frame).startsWith('Pasted text goes into a filter'));
	assert.match(app.lastFrame()!, /╔═ ▶ 1 Devices/);
	press(app, 'devices.filter');
	await waitForFrame(app, frame => footer(frame).startsWith('Filter devices: ▏'));
	app.type('\u001B[200~s23\r\nultra\u001B[201~');
	const filtered = await waitForFrame(app, /1 Devices \[\d+\] \/s23 ultra/);
	assert.match(filtered, /SM-S918B +Galaxy S23 Ultra/);
});

test('a key of another pane, pressed in Devices, says where it works', async () => {
	using started = startApp();
	const {app} = started;
	app.type('d');
	await waitForFrame(app, frame => footer(frame).startsWith('d works in Regions (2) and Compare (3)'));
});
