/**
 * The workstation stays responsive while 3 downloads run: the real core queue (with an engine that
 * reports progress thousands of times) behind the real QueueService, the real App in front.
 * Counted in frames, not milliseconds, so a slow CI machine cannot make it flaky.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {App} from '../../source/ui/app.js';
import {DownloadQueue, type QueueOptions} from '../../source/core/queue/download-queue.js';
import type {DownloadOptions, DownloadResult} from '../../source/core/transfer/download-file.js';
import {ErrorLog} from '../../source/services/error-feed.js';
import {WorkstationQueue} from '../../source/services/queue-service.js';
import {createFakeServices, fakeExplanation} from '../helpers/fake-services.js';
import {press, renderAt, waitForFrame} from '../helpers/render.js';

const size = 8_000_000_000;
const source = {requestRange: async () => Promise.reject(new Error('unused')), renew: async () => undefined};

test('3 downloads reporting progress every millisecond: frames stay bounded and a key press shows in the next frame', async () => {
	let progressEvents = 0;
	let stop = false;
	const finish: Array<() => void> = [];
	// Each fake transfer reports progress as fast as timers allow, until the test ends it.
	const download = async (options: DownloadOptions): Promise<DownloadResult> => new Promise(resolve => {
		let done = 0;
		const tick = () => {
			if (stop) {
				return;
			}

			done = Math.min(size, done + 1_000_000);
			progressEvents++;
			options.onProgress?.({phase: 'downloading', bytesDone: done, bytesTotal: size, bytesPerSecond: 1e9, etaSeconds: 8, connections: 4, retries: 0, stalls: 0, renewals: 0});
			setTimeout(tick, 1);
		};

		finish.push(() => resolve({path: `${options.destDir}/fw.zip`, bytes: size, resumedBytes: 0, members: [], renewals: 0, retries: 0, verifiedEarly: false}));
		tick();
	});
	const prepare: QueueOptions['prepare'] = async () => ({source, remote: {binaryName: 'fw.zip.enc4', size, key: Buffer.alloc(16), version: 'A/B/C/D'}});
	const core = new DownloadQueue({prepare, destDir: '/unused', download: download as QueueOptions['download'], concurrency: 3});
	const fake = createFakeServices();
	const queue = new WorkstationQueue(core, {explain: () => fakeExplanation('x'), errors: new ErrorLog(), downloadFolder: () => '/d'});
	const app = renderAt(<App services={{...fake, queue}} queueFrameMs={100}/>, {columns: 120, rows: 30});
	try {
		for (const model of ['SM-S918B', 'SM-A546B', 'SM-G991B']) {
			queue.enqueue({model, csc: 'EUX'});
		}

		await waitForFrame(app, frame => (frame.match(/downloading/g) ?? []).length >= 3);
		const framesBefore = app.frames.length;
		const eventsBefore = progressEvents;
		const started = Date.now();
		await new Promise(resolve => setTimeout(resolve, 600));
		const frames = app.frames.length - framesBefore;
		const events = progressEvents - eventsBefore;
		const allowed = Math.ceil((Date.now() - started) / 100) + 2;
		assert.ok(events >= 100, `the engines reported plenty of progress (${events})`);
		// At most one queue frame per 100 ms interval (Ink alone would draw ~30 a second).
		assert.ok(frames <= allowed, `rendering is coalesced: ${frames} frames for ${events} progress events, at most ${allowed} allowed`);

		// A key press: the very next frames show its effect, with no backlog of progress frames in front.
		const beforeKey = app.frames.length;
		press(app, 'app.focusQueue');
		await waitForFrame(app, /▶ 4 Queue/);
		const index = app.frames.findIndex((frame, i) => i >= beforeKey && /▶ 4 Queue/.test(frame));
		assert.ok(index - beforeKey <= 1, `the key showed ${index - beforeKey + 1} frame(s) after it was pressed`);
	} finally {
		stop = true;
		for (const end of finish) {
			end();
		}

		await core.close();
		app.unmount();
		fake.dispose();
	}
});
