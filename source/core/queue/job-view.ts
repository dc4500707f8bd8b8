import type {TransferProgress} from '../transfer/transfer-statistics.js';
import type {JobRecord, JobView, QueueSnapshot} from './types.js';
import {activeStates} from './types.js';

export function jobView(job: JobRecord, live: TransferProgress | undefined): JobView {
	const running = activeStates.includes(job.state);
	return Object.freeze({
		id: job.id,
		model: job.spec.model,
		csc: job.spec.csc,
		version: job.remote?.version ?? job.spec.version,
		protocol: job.remote?.protocol,
		state: job.state,
		bytesDone: live?.bytesDone ?? job.bytesDone,
		bytesTotal: live?.bytesTotal ?? job.bytesTotal,
		bytesPerSecond: running ? live?.bytesPerSecond ?? 0 : 0,
		etaSeconds: running ? live?.etaSeconds : undefined,
		connections: running ? live?.connections ?? 0 : 0,
		retries: live?.retries ?? 0,
		path: job.path,
		result: job.result ? Object.freeze({...job.result}) : undefined,
		error: job.error ? Object.freeze({...job.error}) : undefined,
	});
}

export function queueSnapshot(jobs: readonly JobView[], concurrency: number): QueueSnapshot {
	const count = (predicate: (job: JobView) => boolean) => jobs.filter(predicate).length;
	return Object.freeze({
		jobs: Object.freeze([...jobs]),
		concurrency,
		totals: Object.freeze({
			jobs: jobs.length,
			active: count(job => activeStates.includes(job.state)),
			queued: count(job => job.state === 'queued'),
			done: count(job => job.state === 'done'),
			failed: count(job => job.state === 'failed'),
			bytesDone: jobs.reduce((sum, job) => sum + job.bytesDone, 0),
			bytesTotal: jobs.reduce((sum, job) => sum + job.bytesTotal, 0),
			bytesPerSecond: jobs.reduce((sum, job) => sum + job.bytesPerSecond, 0),
		}),
	});
}
