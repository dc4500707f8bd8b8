/** The workstation's QueueService over the core queue: mapping, identity, explanations, errors feed. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {DownloadQueue, type QueueOptions} from '../../source/core/queue/download-queue.js';
import {FusError, isFusdeckError, FusdeckError} from '../../source/core/errors.js';
import {explainError} from '../../source/core/explain/explain.js';
import type {DownloadOptions, DownloadResult} from '../../source/core/transfer/download-file.js';
import {ErrorLog} from '../../source/services/error-feed.js';
import {WorkstationQueue} from '../../source/services/queue-service.js';

const source = {requestRange: async () => Promise.reject(new Error('unused')), renew: async () => undefined};
const explain = (error: unknown) => explainError(isFusdeckError(error) ? error : new FusdeckError('INTERNAL', String(error)));

test('jobs map to the UI shape, snapshots keep their identity until something changes, failures are explained and logged', async () => {
	const prepare: QueueOptions['prepare'] = async spec => {
		if (spec.csc === 'XXX') {
			throw new FusError('FUS_STATUS', 'FUS refused the request with status 408', {stage: 'inform', fusStatus: '408', protocol: 'classic', sentDeviceId: false});
		}

		return {source, protocol: 'smart', remote: {binaryName: 'fw.zip.enc4', size: 4096, key: Buffer.alloc(16), version: 'A/B/C/D'}};
	};

	const download = async (options: DownloadOptions): Promise<DownloadResult> => ({path: `${options.destDir}/fw.zip`, bytes: 4080, resumedBytes: 0, members: [{name: 'AP_A.tar.md5', md5: '0'.repeat(32)}, {name: 'BL_A.tar.md5', md5: '1'.repeat(32)}] as never, renewals: 0, retries: 0, verifiedEarly: false});
	const core = new DownloadQueue({prepare, destDir: '/unused', download: download as QueueOptions['download'], concurrency: 2});
	const errors = new ErrorLog();
	const queue = new WorkstationQueue(core, {explain, errors, downloadFolder: () => '/downloads'});
	let notified = 0;
	const unsubscribe = queue.subscribe(() => notified++);
	queue.enqueue({model: 'SM-S918B', csc: 'EUX'});
	queue.enqueue({model: 'SM-S918B', csc: 'XXX'});
	await core.idle();
	await new Promise(resolve => setTimeout(resolve, 300));
	assert.ok(notified > 0, 'subscribers hear about changes');
	unsubscribe();

	const snapshot = queue.getSnapshot();
	assert.equal(queue.getSnapshot(), snapshot, 'same object while nothing changed (useSyncExternalStore)');
	const [done, failed] = snapshot.jobs;
	assert.equal(done?.state, 'done');
	assert.equal(done?.version, 'A/B/C/D');
	assert.equal(done?.bytesTotal, 4096);
	assert.equal(core.snapshot().jobs[0]?.path, '/downloads/fw.zip', 'new jobs go to the settings\' download folder');
	assert.deepEqual(done?.file, {path: '/downloads/fw.zip', bytes: 4080, members: 2}, 'a done job says where its verified zip is');
	assert.equal(failed?.file, undefined);
	assert.equal(failed?.state, 'failed');
	assert.equal(failed?.bytesTotal, undefined, 'an unknown size stays unknown, not 0');
	assert.equal(failed?.error?.id, 'fus-408', 'explained with the full context of the thrown error');
	assert.deepEqual(errors.getSnapshot().map(entry => [entry.code, entry.csc]), [['FUS_STATUS', 'XXX']]);
	await queue.stopAll();
});
