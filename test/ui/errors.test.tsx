import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fakeExplanation, fakeJob} from '../helpers/fake-services.js';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

test('errors are explained (title, cause, fix, the key that acts) and repeats collapse ×N', async () => {
	using started = startApp({jobs: [fakeJob('j1', {state: 'failed'})]});
	const {app, services} = started;
	const rate = fakeExplanation('Rate limited', 'wait-retry');
	services.fakeErrors.push({code: 'RATE_LIMITED', explanation: rate, model: 'SM-S918B', csc: 'EUX', jobId: 'j1'});
	services.fakeErrors.push({code: 'NETWORK', explanation: fakeExplanation('Connection reset'), jobId: 'j1'});
	services.fakeErrors.push({code: 'RATE_LIMITED', explanation: rate, model: 'SM-S918B', csc: 'EUX', jobId: 'j1'});
	press(app, 'app.focusErrors');
	const frame = await waitForFrame(app, /▶ 5 Errors \[2\] · Rate limited/);
	assert.match(frame, /› ✗ Rate limited ×2 \(SM-S918B\/EUX\)/);
	assert.match(frame, /✗ Connection reset\s/);
	assert.match(frame, /cause: Rate limited \(cause\)/);
	assert.match(frame, /fix: Rate limited \(fix\)/);
	assert.match(frame, /→ Enter: retry the job/);
	press(app, 'errors.act');
	await waitForFrame(app, () => services.fakeQueue.calls.length > 0);
	assert.deepEqual(services.fakeQueue.calls, ['retry:j1']);
	press(app, 'errors.clear');
	await waitForFrame(app, /▶ 5 Errors \[0\]/);
});

test('an error that needs a device id opens the settings on Enter', async () => {
	using started = startApp();
	const {app, services} = started;
	services.fakeErrors.push({code: 'DEVICE_ID_REQUIRED', explanation: fakeExplanation('Device id required', 'enter-imei'), model: 'SM-S918B'});
	press(app, 'app.focusErrors');
	await waitForFrame(app, /→ Enter: enter a device id in settings/);
	press(app, 'errors.act');
	await waitForFrame(app, /Settings/);
});

test('a damaged settings file is reported in the Errors pane with where the copy is kept', async () => {
	const configDir = mkdtempSync(path.join(tmpdir(), 'fusdeck-ui-corrupt-'));
	try {
		writeFileSync(path.join(configDir, 'config.json'), '{"deviceIds": ');
		using started = startApp({configDir});
		const {app} = started;
		assert.match(app.lastFrame(), /5 Errors \[1\] · The settings file was damaged/);
		press(app, 'app.focusErrors');
		const frame = await waitForFrame(app, /▶ 5 Errors/);
		// The fix wraps over several lines: read the pane's text without its borders.
		const text = frame.split('\n').map(line => line.replace(/^[║│]|[║│]$/g, '').trim()).join('');
		assert.match(text, /fix: Your old file is kept at ?\/tmp\/.*config\.json\.corrupt-20261125T033700Z;/);
	} finally {
		rmSync(configDir, {recursive: true, force: true});
	}
});

test('on a small terminal the explanation is clipped, never drawn over itself', async () => {
	using started = startApp({columns: 40, rows: 10, jobs: [fakeJob('j1', {state: 'failed'})]});
	const {app, services} = started;
	services.fakeErrors.push({
		code: 'SERVER_ERROR',
		explanation: {...fakeExplanation('Server error', 'retry'), cause: 'A temporary fault, overload or maintenance on the server side.', fix: 'Retry with backoff in a few minutes; downloads resume.'},
		jobId: 'j1',
	});
	press(app, 'app.focusErrors');
	const frame = await waitForFrame(app, /▶ 5 Errors \[1\]/);
	const text = frame.split('\n').map(line => line.replace(/^[║│]|[║│]$/g, '').trim());
	assert.ok(text.includes('cause: A temporary fault, overload'), frame);
	// Whatever the pane has room for is whole lines of the explanation, in order, nothing mixed.
	assert.ok(text.every(line => !line.includes('→') || line === '→ Enter: retry the job'), frame);
	assert.doesNotMatch(frame, /job\S/);
});

test('Enter on an error whose job is no longer failed says so instead of doing nothing', async () => {
	using started = startApp({jobs: [fakeJob('j1', {state: 'downloading'})]});
	const {app, services} = started;
	services.fakeErrors.push({code: 'SERVER_ERROR', explanation: fakeExplanation('Server error', 'retry'), model: 'SM-S918B', csc: 'EUX', jobId: 'j1'});
	press(app, 'app.focusErrors');
	await waitForFrame(app, /→ Enter: retry the job/);
	press(app, 'errors.act');
	const frame = await waitForFrame(app, /is downloading; nothing to retry/);
	assert.match(frameLines(frame).at(-1)!, /^the job SM-\S+ is downloading; nothing to retry/);
	assert.deepEqual(services.fakeQueue.calls, []);
});
