/**
 * The workstation's view of the core download queue: the UI's QueueService (source/ui/services.ts)
 * over core/queue. Snapshots are mapped once per core snapshot (identity preserved for
 * useSyncExternalStore), failures are explained with their full context and fed to the Errors pane.
 */
import {FusdeckError, isFusdeckError} from '../core/errors.js';
import type {Explanation} from '../core/explain/types.js';
import type {DownloadQueue} from '../core/queue/download-queue.js';
import type {JobView, QueueSnapshot as CoreSnapshot} from '../core/queue/types.js';
import type {EnqueueSpec, Job, QueueService, QueueSnapshot} from '../ui/services.js';
import type {ErrorLog} from './error-feed.js';

export type QueueServiceOptions = {
	explain(error: unknown): Explanation;
	errors: ErrorLog;
	/** The download folder for new jobs, read at enqueue time (the settings may change it). */
	downloadFolder(): string;
};

export class WorkstationQueue implements QueueService {
	#mapped: {from: CoreSnapshot; to: QueueSnapshot} | undefined;

	constructor(readonly core: DownloadQueue, private readonly options: QueueServiceOptions) {
		core.on('state', job => {
			if (job.state === 'failed') {
				const failure = core.failure(job.id);
				const error = isFusdeckError(failure) ? failure : new FusdeckError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'the job failed');
				options.errors.add(error, {model: job.model, csc: job.csc, jobId: job.id});
			}
		});
	}

	subscribe = (listener: () => void) => {
		this.core.on('change', listener);
		return () => {
			this.core.off('change', listener);
		};
	};

	getSnapshot = (): QueueSnapshot => {
		const from = this.core.snapshot();
		if (this.#mapped?.from !== from) {
			this.#mapped = {from, to: this.#map(from)};
		}

		return this.#mapped.to;
	};

	enqueue(spec: EnqueueSpec): void {
		this.core.add({model: spec.model, csc: spec.csc, ...(spec.version ? {version: spec.version} : {}), destDir: this.options.downloadFolder()});
	}

	async pause(id: string): Promise<void> {
		await this.core.pause(id);
	}

	async resume(id: string): Promise<void> {
		await this.core.resume(id);
	}

	async cancel(id: string): Promise<void> {
		await this.core.cancel(id);
	}

	async remove(id: string): Promise<void> {
		await this.core.remove(id);
	}

	async retry(id: string): Promise<void> {
		await this.core.retry(id);
	}

	/** Quitting: running jobs stop and stay queued in the file, so the next start resumes them. */
	async stopAll(): Promise<void> {
		await this.core.close();
	}

	#map(snapshot: CoreSnapshot): QueueSnapshot {
		const jobs = snapshot.jobs.map(job => this.#job(job));
		const {totals} = snapshot;
		return {
			jobs,
			totals: {active: totals.active, queued: totals.queued, done: totals.done, failed: totals.failed, bytesDone: totals.bytesDone, bytesTotal: totals.bytesTotal, speed: totals.bytesPerSecond},
		};
	}

	#job(job: JobView): Job {
		const failure = job.state === 'failed' ? this.core.failure(job.id) ?? (job.error ? new FusdeckError(job.error.code, job.error.message) : undefined) : undefined;
		return {
			id: job.id,
			model: job.model,
			csc: job.csc,
			...(job.version ? {version: job.version} : {}),
			state: job.state,
			bytesDone: job.bytesDone,
			...(job.bytesTotal > 0 ? {bytesTotal: job.bytesTotal} : {}),
			speed: job.bytesPerSecond,
			...(job.etaSeconds === undefined ? {} : {eta: job.etaSeconds}),
			connections: job.connections,
			...(failure ? {error: this.options.explain(failure)} : {}),
			...(job.state === 'done' && job.path && job.result ? {file: {path: job.path, bytes: job.result.bytes, members: job.result.members}} : {}),
		};
	}
}
