import {test} from 'node:test';
import assert from 'node:assert/strict';
import {helpLines} from '../../source/ui/overlays/help-overlay.js';
import {fakeJob} from '../helpers/fake-services.js';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

const widest = (frame: string) => Math.max(...frameLines(frame).map(line => line.length));

test('at 80×24 the frame is 24 lines of at most 80 columns, Devices focused, footer from the key table', () => {
	using started = startApp();
	const frame = started.app.lastFrame();
	assert.equal(frameLines(frame).length, 24);
	assert.ok(widest(frame) <= 80);
	assert.match(frame, /╔═ ▶ 1 Devices \[8\]/);
	assert.match(frame, /── 2 Regions \[0\] ─/);
	assert.match(frameLines(frame).at(-1)!, /^Enter select · \/ filter · f favourite · Tab pane · s settings · \? help · q quit/);
});

test('at 60×20 the panes stack and everything fits', () => {
	using started = startApp({columns: 60, rows: 20});
	const frame = started.app.lastFrame();
	assert.equal(frameLines(frame).length, 20);
	assert.ok(widest(frame) <= 60);
	assert.match(frame, /Galaxy S23 Ultra/);
	assert.match(frame, /── 5 Errors \[0\]/);
});

test('a wide terminal shows all five panes side by side, and a resize reflows', async () => {
	using started = startApp({columns: 140, rows: 40});
	const {app} = started;
	const wide = app.lastFrame();
	assert.equal(frameLines(wide).length, 40);
	assert.match(wide, /╔═ ▶ 1 Devices \[8\] ═+╗┌─ 3 Compare \[0\]/);
	assert.match(wide, /┌─ 2 Regions \[0\]/);
	assert.match(wide, /┌─ 5 Errors \[0\]/);
	app.resize(80, 24);
	const narrow = await waitForFrame(app, frame => frameLines(frame).length === 24);
	assert.ok(widest(narrow) <= 80);
	assert.match(narrow, /── 3 Compare \[0\] ─/);
});

test('Tab, Shift-Tab and the number keys move the focus; the focused pane is marked without colour', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'app.nextPane');
	await waitForFrame(app, /╔═ ▶ 2 Regions/);
	press(app, 'app.focusQueue');
	await waitForFrame(app, /╔═ ▶ 4 Queue/);
	press(app, 'app.previousPane');
	await waitForFrame(app, /╔═ ▶ 3 Compare/);
	press(app, 'app.focusErrors');
	await waitForFrame(app, /╔═ ▶ 5 Errors/);
	press(app, 'app.focusDevices');
	const frame = await waitForFrame(app, /╔═ ▶ 1 Devices/);
	assert.equal(frame.match(/▶/g)?.length, 1);
});

test('? opens the help generated from the key table; Esc closes it', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'app.help');
	const help = await waitForFrame(app, /Help — keys/);
	assert.match(help, /Everywhere:/);
	assert.match(help, /Tab +Focus the next pane/);
	assert.match(help, /c +Compare the latest builds .*\n.* +\(not now: choose a model first/);
	assert.match(frameLines(help).at(-1)!, /Esc close/);
	app.type('\u001B');
	await waitForFrame(app, /╔═ ▶ 1 Devices/);
});

test('help notes why a key cannot run only for the focused pane (and every-pane keys)', () => {
	const noteAfter = (lines: string[], help: string) => {
		const index = lines.findIndex(line => line.includes(help));
		assert.ok(index >= 0, help);
		return lines[index + 1]?.includes('(not now:') ? lines[index + 1]!.trim() : undefined;
	};

	const inQueue = helpLines({focus: 'queue', selectedModel: 'SM-S918B', activeJobs: 0, errorCount: 0});
	assert.equal(noteAfter(inQueue, 'Mark the region for comparison'), undefined, 'Regions keys are not judged by the Queue\'s cursor');
	assert.equal(noteAfter(inQueue, 'Pause the job, or resume a paused one'), '(not now: the queue is empty)');
	const inRegions = helpLines({focus: 'regions', selectedModel: 'SM-S918B', activeJobs: 0, errorCount: 0});
	assert.equal(noteAfter(inRegions, 'Mark the region for comparison'), '(not now: no region under the cursor)');
	assert.equal(noteAfter(inRegions, 'Pause the job, or resume a paused one'), undefined);
	const noModel = helpLines({focus: 'queue', activeJobs: 0, errorCount: 0});
	assert.equal(noteAfter(noModel, 'Compare the latest builds'), '(not now: choose a model first (Enter in Devices))', 'every-pane keys are always judged');
});

test('q quits at once when nothing is downloading', async () => {
	using started = startApp();
	press(started.app, 'app.quit');
	await started.app.instance.waitUntilExit();
});

test('q asks "Quit and stop N downloads? y/N" while jobs run, queued ones counted apart; No is the default, y quits', async () => {
	using started = startApp({jobs: [fakeJob('a'), fakeJob('b', {state: 'verifying'}), fakeJob('q', {state: 'queued'}), fakeJob('c', {state: 'done'})]});
	const {app} = started;
	let exited = false;
	void app.instance.waitUntilExit().then(() => (exited = true));
	press(app, 'app.quit');
	await waitForFrame(app, frame => frameLines(frame).at(-1)!.startsWith('Quit and stop 2 downloads (1 more queued)? y/N'));
	press(app, 'confirm.no');
	await waitForFrame(app, frame => frameLines(frame).at(-1)!.startsWith('Enter select'));
	press(app, 'app.quit');
	await waitForFrame(app, /Quit and stop 2 downloads \(1 more queued\)\? y\/N/);
	app.type('x'); // any other key answers No
	await waitForFrame(app, frame => !frame.includes('Quit and stop'));
	assert.equal(exited, false);
	press(app, 'app.quit');
	await waitForFrame(app, /Quit and stop 2 downloads \(1 more queued\)\? y\/N/);
	press(app, 'confirm.yes');
	await app.instance.waitUntilExit();
	assert.deepEqual(started.services.fakeQueue.calls, []);
});

test('q with only queued jobs says they stay queued', async () => {
	using started = startApp({jobs: [fakeJob('q', {state: 'queued'})]});
	press(started.app, 'app.quit');
	await waitForFrame(started.app, frame => frameLines(frame).at(-1)!.startsWith('Quit with 1 download still queued? y/N'));
});

test('a disabled key says why in the footer, and the next key clears the message', async () => {
	using started = startApp();
	const {app} = started;
	press(app, 'app.compare');
	await waitForFrame(app, frame => frameLines(frame).at(-1)!.startsWith('c: choose a model first (Enter in Devices)'));
	press(app, 'list.down');
	await waitForFrame(app, frame => frameLines(frame).at(-1)!.startsWith('Enter select'));
});

test('a terminal below the minimum says so instead of drawing', () => {
	using started = startApp({columns: 30, rows: 8});
	assert.match(started.app.lastFrame(), /too small\s+\(30×8\); fusdeck needs at least\s+40×10/);
});
