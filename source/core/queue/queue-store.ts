/**
 * The queue on disk: one JSON file in the config folder, mode 0600, written atomically. Jobs that
 * were running when the process stopped come back as queued, so they resume from their sidecar.
 */
import {copyFile, mkdir, readFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {TransferError} from '../errors.js';
import {writeFileAtomic} from '../store/atomic-write.js';
import {activeStates, jobStates, type JobRecord} from './types.js';

export type QueueFile = {format: 1; concurrency: number; jobs: JobRecord[]};

export async function loadQueueFile(path: string): Promise<QueueFile | undefined> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw new TransferError('CONFIG_CORRUPT', `Cannot read the queue file ${path}: ${(error as Error).message}`, {stage: 'config', path});
	}

	try {
		const data = JSON.parse(text) as QueueFile;
		if (data?.format !== 1 || !Array.isArray(data.jobs) || !data.jobs.every(isJobRecord)) {
			throw new Error('unexpected content');
		}

		return data;
	} catch {
		const backup = `${path}.bak`;
		await copyFile(path, backup).catch(() => undefined);
		throw new TransferError('CONFIG_CORRUPT', `The queue file ${path} is damaged (kept as ${backup}); delete it to start with an empty queue`, {stage: 'config', path});
	}
}

function isJobRecord(job: JobRecord): boolean {
	return typeof job?.id === 'string' && typeof job.spec?.model === 'string' && typeof job.spec.csc === 'string' && jobStates.includes(job.state);
}

/** Interrupted jobs resume: anything that held a slot is queued again. */
export function reviveJobs(jobs: JobRecord[]): JobRecord[] {
	return jobs.map(job => activeStates.includes(job.state) ? {...job, state: 'queued'} : job);
}

export async function saveQueueFile(path: string, data: QueueFile): Promise<void> {
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	await writeFileAtomic(path, JSON.stringify(data, null, '\t') + '\n', {mode: 0o600});
}
