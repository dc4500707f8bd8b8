/**
 * The job queue: explicit states, a live-changeable concurrency limit, pause/resume/cancel/retry
 * per job, an immutable snapshot for the UI, coalesced change events, and persistence so that a
 * restart shows the same queue and resumes unfinished jobs. It knows nothing of FUS: `prepare`
 * authorises a job and the transfer engine moves the bytes.
 */
import {randomUUID} from 'node:crypto';
import {EventEmitter} from 'node:events';
import {systemClock, type Clock} from '../clock.js';
import {isFusdeckError} from '../errors.js';
import {downloadFile, removeTransferFiles} from '../transfer/download-file.js';
import type {TransferProgress} from '../transfer/transfer-statistics.js';
import {Coalescer} from './coalescer.js';
import {jobView, queueSnapshot} from './job-view.js';
import {loadQueueFile, reviveJobs, saveQueueFile} from './queue-store.js';
import {type JobRecord, type JobSpec, type JobState, type JobView, type Prepare, type QueueEvents, type QueueSnapshot} from './types.js';

export type QueueOptions = {
	prepare: Prepare;
	/** The download folder (a job's spec may override it). */
	destDir: string;
	concurrency?: number;
	/** Connections per job; a function is read when each job starts, so a settings change applies to the next one. */
	connections?: number | (() => number);
	/** The queue file; without it the queue lives in memory only. */
	storePath?: string;
	clock?: Clock;
	/** Coalescing interval for progress events. */
	progressIntervalMs?: number;
	/**
	 * Start the unfinished jobs found in the queue file (the workstation does). A scripted
	 * `fusdeck download` passes false: it runs its own job and leaves the others as they were.
	 */
	autoResume?: boolean;
	/** The transfer engine (tests inject a fake). */
	download?: typeof downloadFile;
};

type StopReason = 'pause' | 'cancel' | 'close';
type Running = {controller: AbortController; done: Promise<void>; progress?: TransferProgress};

export class DownloadQueue extends EventEmitter<QueueEvents> {
	readonly #options: QueueOptions;
	readonly #jobs: JobRecord[] = [];
	readonly #running = new Map<string, Running>();
	/** Jobs loaded from disk that wait for an explicit resume or retry (autoResume: false). */
	readonly #held = new Set<string>();
	/** The thrown error of each failed job in this process, with its full context for the explainer. */
	readonly #failures = new Map<string, unknown>();
	readonly #coalescer: Coalescer;
	#concurrency: number;
	#snapshot: QueueSnapshot | undefined;
	#saving: Promise<void> = Promise.resolve();
	#lastProgressSave = 0;
	#closed = false;
	/** The last failure to write the queue file, if the latest write failed. */
	saveError: Error | undefined;

	constructor(options: QueueOptions, jobs: JobRecord[] = []) {
		super();
		this.#options = options;
		this.#concurrency = clampConcurrency(options.concurrency ?? 1);
		this.#jobs.push(...jobs);
		if (options.autoResume === false) {
			for (const job of jobs) {
				this.#held.add(job.id);
			}
		}

		this.#coalescer = new Coalescer(options.clock ?? systemClock, options.progressIntervalMs ?? 250, () => {
			this.emit('change', this.snapshot());
		});
	}

	/** Loads the persisted queue (if any) and resumes its unfinished jobs. */
	static async open(options: QueueOptions): Promise<DownloadQueue> {
		const saved = options.storePath ? await loadQueueFile(options.storePath) : undefined;
		const queue = new DownloadQueue({...options, concurrency: options.concurrency ?? saved?.concurrency}, reviveJobs(saved?.jobs ?? []));
		queue.#schedule();
		return queue;
	}

	get concurrency(): number {
		return this.#concurrency;
	}

	setConcurrency(value: number): void {
		this.#concurrency = clampConcurrency(value);
		this.#changed(true);
		this.#schedule();
	}

	snapshot(): QueueSnapshot {
		this.#snapshot ??= queueSnapshot(this.#jobs.map(job => jobView(job, this.#running.get(job.id)?.progress)), this.#concurrency);
		return this.#snapshot;
	}

	add(spec: JobSpec): JobView {
		const job: JobRecord = {id: randomUUID().slice(0, 8), spec: {...spec}, state: 'queued', createdAt: new Date().toISOString(), bytesDone: 0, bytesTotal: 0};
		this.#jobs.push(job);
		this.#setState(job, 'queued');
		this.#schedule();
		return this.#view(job);
	}

	/** The error a job failed with in this process (the queue file keeps only code and message). */
	failure(id: string): unknown {
		return this.#failures.get(id);
	}

	/** The newest unfinished job for the same file request, so a rerun continues it instead of adding another. */
	findUnfinished(spec: JobSpec): JobView | undefined {
		const same = (a: JobSpec) => a.model === spec.model && a.csc === spec.csc && a.version === spec.version && a.destDir === spec.destDir;
		const job = this.#jobs.findLast(j => j.state !== 'done' && same(j.spec));
		return job ? this.#view(job) : undefined;
	}

	/** Stops a job and keeps its `.part` and sidecar so it can resume. */
	async pause(id: string): Promise<void> {
		const job = this.#job(id);
		if (job.state === 'queued') {
			this.#setState(job, 'paused');
		} else {
			await this.#stop(job, 'pause');
		}
	}

	/** `update` replaces parts of the request, such as a device id given on a rerun. */
	async resume(id: string, update: Partial<JobSpec> = {}): Promise<void> {
		const job = this.#job(id);
		job.spec = {...job.spec, ...update};
		const held = this.#held.delete(id);
		if (job.state === 'paused') {
			this.#setState(job, 'queued');
		}

		if (held || job.state === 'queued') {
			this.#schedule();
		}
	}

	/** Stops a job and removes what it left on disk. */
	async cancel(id: string): Promise<void> {
		const job = this.#job(id);
		if (this.#running.has(id)) {
			await this.#stop(job, 'cancel');
		} else if (job.state === 'queued' || job.state === 'paused') {
			await this.#removeFiles(job);
			this.#setState(job, 'cancelled');
		}
	}

	/** A failed or cancelled job goes back in line. */
	async retry(id: string, update: Partial<JobSpec> = {}): Promise<void> {
		const job = this.#job(id);
		job.spec = {...job.spec, ...update};
		this.#held.delete(id);
		if (job.state === 'failed' || job.state === 'cancelled') {
			delete job.error;
			this.#setState(job, 'queued');
			this.#schedule();
		}
	}

	/** Forgets a job; an unfinished one is cancelled first. */
	async remove(id: string): Promise<void> {
		const job = this.#job(id);
		if (job.state !== 'done' && job.state !== 'failed' && job.state !== 'cancelled') {
			await this.cancel(id);
		}

		this.#jobs.splice(this.#jobs.indexOf(job), 1);
		this.#changed(true);
		await this.#save();
	}

	/** Resolves when nothing is running or waiting to run. */
	async idle(): Promise<void> {
		while (this.#running.size > 0) {
			await Promise.all([...this.#running.values()].map(async r => r.done));
		}

		await this.#saving;
	}

	/** Stops running jobs but keeps them queued in the file, so the next start resumes them. */
	async close(): Promise<void> {
		this.#closed = true;
		await Promise.all([...this.#running.values()].map(async running => {
			running.controller.abort('close' satisfies StopReason);
			await running.done;
		}));
		this.#coalescer.dispose();
		await this.#save();
	}

	#job(id: string): JobRecord {
		const job = this.#jobs.find(j => j.id === id);
		if (!job) {
			throw new RangeError(`no job ${id}`);
		}

		return job;
	}

	#view(job: JobRecord): JobView {
		return jobView(job, this.#running.get(job.id)?.progress);
	}

	async #stop(job: JobRecord, reason: StopReason): Promise<void> {
		const running = this.#running.get(job.id);
		if (running) {
			running.controller.abort(reason);
			await running.done;
		}
	}

	#schedule(): void {
		if (this.#closed) {
			return;
		}

		for (const job of this.#jobs) {
			if (this.#running.size >= this.#concurrency) {
				return;
			}

			if (job.state === 'queued' && !this.#running.has(job.id) && !this.#held.has(job.id)) {
				this.#start(job);
			}
		}
	}

	#start(job: JobRecord): void {
		const controller = new AbortController();
		const running: Running = {controller, done: Promise.resolve()};
		this.#running.set(job.id, running);
		running.done = this.#run(job, running).finally(() => {
			this.#running.delete(job.id);
			this.#changed(true);
			this.#schedule();
		});
	}

	async #run(job: JobRecord, running: Running): Promise<void> {
		const {signal} = running.controller;
		const destDir = job.spec.destDir ?? this.#options.destDir;
		this.#setState(job, 'authorising');
		try {
			const {remote, source, protocol} = await this.#options.prepare(job.spec, signal);
			signal.throwIfAborted();
			job.remote = {binaryName: remote.binaryName, size: remote.size, version: remote.version, ...(protocol ? {protocol} : {})};
			job.bytesTotal = remote.size;
			this.#setState(job, 'downloading');
			const result = await (this.#options.download ?? downloadFile)({
				source,
				remote,
				destDir,
				signal,
				connections: typeof this.#options.connections === 'function' ? this.#options.connections() : this.#options.connections,
				keepEncrypted: job.spec.keepEncrypted,
				...(this.#options.clock ? {clock: this.#options.clock} : {}),
				onProgress: progress => this.#progress(job, running, progress),
			});
			job.path = result.path;
			job.result = {bytes: result.bytes, members: result.members.length, resumedBytes: result.resumedBytes, renewals: result.renewals, retries: result.retries};
			job.bytesDone = job.bytesTotal;
			this.#setState(job, 'done');
		} catch (error) {
			await this.#settleFailure(job, signal.aborted ? signal.reason as StopReason : undefined, error);
		}
	}

	async #settleFailure(job: JobRecord, reason: StopReason | undefined, error: unknown): Promise<void> {
		if (reason === 'pause' || reason === 'close') {
			this.#setState(job, reason === 'pause' ? 'paused' : 'queued');
		} else if (reason === 'cancel') {
			await this.#removeFiles(job);
			job.bytesDone = 0;
			this.#setState(job, 'cancelled');
		} else {
			this.#failures.set(job.id, error);
			job.error = isFusdeckError(error)
				? {code: error.code, message: error.message}
				: {code: 'INTERNAL', message: `internal error: ${(error as Error)?.message ?? String(error)}`};
			this.#setState(job, 'failed');
		}
	}

	#progress(job: JobRecord, running: Running, progress: TransferProgress): void {
		running.progress = progress;
		job.bytesDone = progress.bytesDone;
		if (progress.phase === 'verifying' && job.state === 'downloading') {
			this.#setState(job, 'verifying');
			return;
		}

		this.#changed(false);
		const now = (this.#options.clock ?? systemClock).now();
		if (now - this.#lastProgressSave > 5000) {
			this.#lastProgressSave = now;
			void this.#save();
		}
	}

	async #removeFiles(job: JobRecord): Promise<void> {
		if (job.remote) {
			await removeTransferFiles(job.spec.destDir ?? this.#options.destDir, job.remote.binaryName).catch(() => undefined);
		}
	}

	#setState(job: JobRecord, state: JobState): void {
		job.state = state;
		this.#changed(true);
		this.emit('state', this.#view(job));
		void this.#save();
	}

	#changed(urgent: boolean): void {
		this.#snapshot = undefined;
		if (urgent) {
			this.#coalescer.urgent();
		} else {
			this.#coalescer.frequent();
		}
	}

	/** Saves are serialised; each writes the state as it is when its turn comes. */
	async #save(): Promise<void> {
		const path = this.#options.storePath;
		if (!path) {
			return;
		}

		this.#saving = this.#saving.catch(() => undefined).then(async () => saveQueueFile(path, {
			format: 1,
			concurrency: this.#concurrency,
			jobs: this.#jobs,
		}));
		try {
			await this.#saving;
			this.saveError = undefined;
		} catch (error) {
			// The queue keeps working in memory; the UI can show why it will not survive a restart.
			this.saveError = error as Error;
		}
	}
}

function clampConcurrency(value: number): number {
	return Math.max(1, Math.min(8, Math.floor(Number.isFinite(value) ? value : 1)));
}
