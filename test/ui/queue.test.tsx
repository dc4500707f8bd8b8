import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fakeExplanation, fakeJob} from '../helpers/fake-services.js';
import {frameLines, press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

const footer = (frame: string) => frameLines(frame).at(-1)!;

test('a job row shows state, a text bar, percent, speed, ETA and connections; totals in the title', async () => {
	using started = startApp({jobs: [fakeJob('a'), fakeJob('b', {csc: 'DBT', state: 'failed', error: fakeExplanation('CRC mismatch')})]});
	const {app} = started;
	press(app, 'app.focusQueue');
	const frame = await waitForFrame(app, /▶ 4 Queue \[2\] · 1 active · 0 done · 1 failed · 40 MB\/s/);
	assert.match(frame, /› downloading SM-S918B\/EUX +\[#+-+\] +25% +40 MB\/s +2m30s ×4/);
	assert.match(frame, /failed +SM-S918B\/DBT +✗ CRC mismatch/);
});

test('a done job shows its build, size and verified members, and where the zip is (the path cut from the left)', async () => {
	const path = '/home/tech/firmware/samsung/2026/SM-S918B_1_20251103021001_k6hk0664tq_fac.zip';
	const file = {path, bytes: 8_000_000_000, members: 5};
	const jobs = [fakeJob('a', {state: 'done', bytesDone: 8_000_000_000, version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1', file})];
	{
		using started = startApp({jobs, columns: 160, rows: 40});
		press(started.app, 'app.focusQueue');
		const frame = await waitForFrame(started.app, /› done +SM-S918B\/EUX +✓ S918BXXS8DYK1 · 8\.0 GB · 5 MD5 ok → /);
		const row = frameLines(frame).find(line => line.includes('✓ S918BXXS8DYK1'))!;
		assert.match(row, /→ …?[\w/]*\/SM-S918B_1_20251103021001_k6hk0664tq_fac\.zip/, 'the file name is whole; only the folder may be cut, from the left');
		assert.doesNotMatch(row, /×4/, 'connections show only while downloading');
	}

	{
		using started = startApp({jobs});
		press(started.app, 'app.focusQueue');
		const frame = await waitForFrame(started.app, /› done +SM-S918B\/EUX +✓ …/);
		assert.match(frame, /✓ …[\w/-]*k6hk0664tq_fac\.zip/, 'at 80 columns the facts give way to the end of the path');
	}
});

test('p pauses a running job and resumes a paused one', async () => {
	using started = startApp({jobs: [fakeJob('a')]});
	const {app, services} = started;
	press(app, 'app.focusQueue');
	press(app, 'queue.pause');
	await waitForFrame(app, /› paused +SM-S918B\/EUX/);
	press(app, 'queue.pause');
	await waitForFrame(app, /› downloading +SM-S918B\/EUX/);
	assert.deepEqual(services.fakeQueue.calls, ['pause:a', 'resume:a']);
});

test('x asks before cancelling, No by default; y cancels', async () => {
	using started = startApp({jobs: [fakeJob('a')]});
	const {app, services} = started;
	press(app, 'app.focusQueue');
	press(app, 'queue.cancel');
	await waitForFrame(app, frame => footer(frame).startsWith('Cancel the download of SM-S918B/EUX? y/N'));
	press(app, 'confirm.no');
	await waitForFrame(app, frame => footer(frame).startsWith('p pause/resume'));
	assert.deepEqual(services.fakeQueue.calls, []);
	press(app, 'queue.cancel');
	await waitForFrame(app, /Cancel the download of SM-S918B\/EUX\? y\/N/);
	press(app, 'confirm.yes');
	await waitForFrame(app, /› cancelled +SM-S918B\/EUX/);
	assert.deepEqual(services.fakeQueue.calls, ['cancel:a']);
});

test('r retries a failed job; on a running job it says why not', async () => {
	using started = startApp({jobs: [fakeJob('a'), fakeJob('b', {state: 'failed', error: fakeExplanation('Link expired')})]});
	const {app, services} = started;
	press(app, 'app.focusQueue');
	press(app, 'queue.retry');
	await waitForFrame(app, frame => footer(frame).startsWith('r: only a failed or cancelled job can be retried'));
	press(app, 'list.down');
	press(app, 'queue.retry');
	await waitForFrame(app, /› queued +SM-S918B\/EUX/);
	assert.deepEqual(services.fakeQueue.calls, ['retry:b']);
});

test('Backspace removes a done job from the list; on a running one it says why not', async () => {
	using started = startApp({jobs: [fakeJob('a'), fakeJob('b', {csc: 'XEF', state: 'done', bytesDone: 8_000_000_000})]});
	const {app, services} = started;
	press(app, 'app.focusQueue');
	press(app, 'queue.remove');
	await waitForFrame(app, frame => footer(frame).startsWith('Backspace: only a done or cancelled job can be removed (x cancels one)'));
	press(app, 'list.down');
	press(app, 'queue.remove');
	const frame = await waitForFrame(app, /4 Queue \[1\]/);
	assert.doesNotMatch(frame, /SM-S918B\/XEF/);
	assert.match(frame, /› downloading +SM-S918B\/EUX/, 'the cursor stays on a row that exists');
	assert.deepEqual(services.fakeQueue.calls, ['remove:b']);
});

test('progress updates are coalesced: a burst of 200 updates draws only a few frames', async () => {
	using started = startApp({jobs: [fakeJob('a', {bytesDone: 0})], queueFrameMs: 250});
	const {app, services} = started;
	press(app, 'app.focusQueue');
	await waitForFrame(app, /▶ 4 Queue/);
	const before = app.frames.length;
	for (let step = 1; step <= 200; step++) {
		services.fakeQueue.update('a', {bytesDone: step * 40_000_000});
	}

	await waitForFrame(app, /› downloading .* 100%/);
	const drawn = app.frames.length - before;
	assert.ok(drawn >= 1 && drawn <= 3, `drew ${drawn} frames for 200 updates`);
});

test('the queue row fits at 60 columns', async () => {
	using started = startApp({jobs: [fakeJob('a')], columns: 60, rows: 20});
	const {app} = started;
	press(app, 'app.focusQueue');
	const frame = await waitForFrame(app, /▶ 4 Queue/);
	assert.match(frame, /› downloading SM-S918B\/EUX +\[#+-+\] +25% +40 MB\/s +2m30s/);
	assert.ok(frameLines(frame).every(line => line.length <= 60));
});
