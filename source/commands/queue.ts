import {quote} from '../core/quote.js';
import {loadQueueFile} from '../core/queue/queue-store.js';
import {activeStates, type JobView} from '../core/queue/types.js';
import {percent} from '../ui/format.js';
import {queueFile} from '../core/store/config-dir.js';
import {openSettings} from './open-settings.js';
import {TransferError, UsageError} from '../core/errors.js';
import {openQueue, type OpenedQueue} from '../services/open-queue.js';
import {endpointsFrom, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import {exitCodes, type CommandIO, type Command} from './types.js';

const percentText = (done: number, total: number) => {
	const value = percent(done, total);
	return value === undefined ? '-' : `${value}%`;
};
const finished = new Set(['done', 'cancelled']);

export const queueCommand: Command = {
	name: 'queue',
	summary: 'list, run, cancel or clear the saved download queue',
	usage: [
		'Usage: fusdeck queue [list] [--json]',
		'       fusdeck queue run [--json]        resume every unfinished job and wait for them',
		'       fusdeck queue cancel ID...        stop jobs and delete their partial files',
		'       fusdeck queue clear               forget done and cancelled jobs',
		'',
		'The queue lives in the config folder (FUSDECK_CONFIG_DIR, else the platform config folder) and is',
		'shared with the workstation and fusdeck download. Only one process owns it at a time: while the',
		'workstation runs, run, cancel and clear refuse and say so.',
	].join('\n'),
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('queue', args, {...outputOptions, ...networkOptions});
		const [action = 'list', ...ids] = positionals;
		if (action === 'list') {
			return list(io, values.json, ids);
		}

		if (!['run', 'cancel', 'clear'].includes(action)) {
			throw new UsageError(`queue: unknown action ${quote(action)}; use list, run, cancel or clear. See: fusdeck queue --help`);
		}

		if (action === 'cancel' && ids.length === 0) {
			throw new UsageError('queue cancel needs the ID of a job (fusdeck queue lists them)');
		}

		if (action !== 'cancel' && ids.length > 0) {
			throw new UsageError(`queue ${action} takes no arguments, got ${quote(ids[0])}`);
		}

		const store = openSettings(io);
		const opened = await openQueue({
			endpoints: endpointsFrom(values, io.env),
			store,
			timeoutMs: timeoutFrom(values.timeout),
			storePath: queueFile(io.env),
			autoResume: action === 'run',
		});
		try {
			if (opened.heldBy !== undefined) {
				throw new TransferError('QUEUE_IN_USE', `The download queue is in use by process ${opened.heldBy}; use that workstation, or quit it first`, {stage: 'config'});
			}

			if (action === 'run') {
				return await runAll(opened, io, values.json);
			}

			const jobs = opened.queue.snapshot().jobs;
			const targets = action === 'clear' ? jobs.filter(job => finished.has(job.state)) : ids.map(id => {
				const job = jobs.find(j => j.id === id);
				if (!job) {
					throw new UsageError(`queue: there is no job ${quote(id)}; fusdeck queue lists them`);
				}

				return job;
			});
			if (action === 'clear') {
				for (const job of targets) {
					await opened.queue.remove(job.id);
				}

				io.stdout.write(values.json ? JSON.stringify({ok: true, removed: targets.map(job => job.id)}) + '\n' : `Removed ${targets.length} job(s).\n`);
				return exitCodes.ok;
			}

			// A done, failed or already cancelled job has nothing to stop: say so rather than count it as cancelled.
			const stoppable = targets.filter(job => job.state !== 'done' && job.state !== 'failed' && job.state !== 'cancelled');
			const unchanged = targets.filter(job => !stoppable.includes(job));
			for (const job of stoppable) {
				await opened.queue.cancel(job.id);
			}

			if (values.json) {
				io.stdout.write(JSON.stringify({ok: true, cancelled: stoppable.map(job => job.id), unchanged: unchanged.map(job => ({id: job.id, state: job.state}))}) + '\n');
			} else {
				io.stdout.write(`Cancelled ${stoppable.length} job(s).\n`);
				for (const job of unchanged) {
					io.stdout.write(`  ${job.id} is already ${job.state}: nothing to cancel${job.state === 'failed' ? '' : ' (fusdeck queue clear forgets it)'}\n`);
				}
			}

			return exitCodes.ok;
		} finally {
			await opened.close();
		}
	},
};

async function list(io: CommandIO, json: boolean, extra: string[]): Promise<number> {
	if (extra.length > 0) {
		throw new UsageError(`queue list takes no arguments, got ${quote(extra[0])}`);
	}

	const path = queueFile(io.env);
	const saved = await loadQueueFile(path);
	const jobs = (saved?.jobs ?? []).map(job => ({
		id: job.id,
		model: job.spec.model,
		csc: job.spec.csc,
		version: job.remote?.version ?? job.spec.version,
		...(job.remote?.protocol ? {protocol: job.remote.protocol} : {}),
		state: job.state,
		bytesDone: job.bytesDone,
		bytesTotal: job.bytesTotal,
		...(job.path ? {path: job.path} : {}),
		...(job.error ? {error: job.error} : {}),
	}));
	if (json) {
		io.stdout.write(JSON.stringify({ok: true, path, jobs}) + '\n');
		return exitCodes.ok;
	}

	if (jobs.length === 0) {
		io.stdout.write(`The queue is empty (${path}).\n`);
		return exitCodes.ok;
	}

	for (const job of jobs) {
		const detail = job.error ? `${job.error.code}: ${job.error.message}` : job.version ?? 'latest';
		io.stdout.write(`${job.id}  ${job.state.padEnd(11)}  ${job.model} ${job.csc}  ${percentText(job.bytesDone, job.bytesTotal).padStart(4)}  ${detail}\n`);
	}

	return exitCodes.ok;
}

/** Resumes what the file holds; Ctrl-C stops the jobs and keeps them queued for the next run. */
async function runAll(opened: OpenedQueue, io: CommandIO, json: boolean): Promise<number> {
	const {queue} = opened;
	const unfinished = (jobs: readonly JobView[]) => jobs.filter(job => job.state === 'queued' || activeStates.includes(job.state));
	const stop = () => void queue.close();
	io.signal?.addEventListener('abort', stop, {once: true});
	try {
		// A Ctrl-C'd `fusdeck download` left its job paused: a run continues it too.
		for (const job of queue.snapshot().jobs.filter(j => j.state === 'paused')) {
			await queue.resume(job.id);
		}

		await queue.idle();
		// idle() can return between one job settling and the next starting; wait until none is left.
		while (!io.signal?.aborted && unfinished(queue.snapshot().jobs).length > 0) {
			await new Promise(resolve => {
				queue.once('state', resolve);
			});
			await queue.idle();
		}
	} finally {
		io.signal?.removeEventListener('abort', stop);
	}

	const jobs = queue.snapshot().jobs;
	if (json) {
		io.stdout.write(JSON.stringify({ok: true, jobs: jobs.map(job => ({id: job.id, model: job.model, csc: job.csc, state: job.state, path: job.path, error: job.error}))}) + '\n');
	} else {
		for (const job of jobs) {
			io.stdout.write(`${job.id}  ${job.state.padEnd(11)}  ${job.model} ${job.csc}  ${job.path ?? job.error?.message ?? ''}\n`);
		}
	}

	if (io.signal?.aborted) {
		return exitCodes.cancelled;
	}

	return jobs.some(job => job.state === 'failed') ? exitCodes.server : exitCodes.ok;
}
