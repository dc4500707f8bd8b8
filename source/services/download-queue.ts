/**
 * A first download queue for the workstation: jobs run with a concurrency limit through the FUS
 * client and the single-connection transfer, and every change publishes a new immutable snapshot.
 * Pause and resume wait for the segmented engine of the download-engine issue, and say so.
 */
import {openDownload, type OpenDownloadOptions} from '../core/fus/open-download.js';
import {resolveVersion} from '../core/fus/resolve-version.js';
import {FusdeckError, isFusdeckError} from '../core/errors.js';
import type {Explanation} from '../core/explain/types.js';
import type {SettingsStore} from '../core/store/settings-store.js';
import {downloadSequential} from '../core/transfer/sequential-download.js';
import type {EnqueueSpec, Job, QueueService, QueueSnapshot} from '../ui/services.js';

export type DownloadQueueOptions = {
	open: Omit<OpenDownloadOptions, 'signal' | 'memory' | 'protocol'>;
	store: SettingsStore;
	explain(error: unknown): Explanation;
	onError?(error: FusdeckError, job: Job): void;
};

type Running = {controller: AbortController; startedAt: number};

export class DownloadQueue implements QueueService {
	private jobs: Job[] = [];
	private snapshot: QueueSnapshot = {jobs: [], totals: {active: 0, queued: 0, done: 0, failed: 0, bytesDone: 0, bytesTotal: 0, speed: 0}};
	private readonly listeners = new Set<() => void>();
	private readonly running = new Map<string, Running>();
	private nextId = 1;

	constructor(private readonly options: DownloadQueueOptions) {}

	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = () => this.snapshot;

	enqueue(spec: EnqueueSpec): void {
		this.jobs = [...this.jobs, {id: String(this.nextId++), model: spec.model, csc: spec.csc, version: spec.version, state: 'queued', bytesDone: 0, speed: 0, connections: 1}];
		this.publish();
		this.pump();
	}

	async pause(): Promise<never> {
		throw new Error('Pausing comes with the segmented download engine; cancel (x) and download again for now');
	}

	async resume(): Promise<never> {
		throw new Error('Resuming comes with the segmented download engine; retry (r) starts the job again');
	}

	cancel(id: string): void {
		this.running.get(id)?.controller.abort();
		this.update(id, job => (['done', 'failed'].includes(job.state) ? job : {...job, state: 'cancelled', speed: 0, eta: undefined}));
		this.pump();
	}

	retry(id: string): void {
		this.update(id, job => (job.state === 'failed' || job.state === 'cancelled' ? {...job, state: 'queued', bytesDone: 0, error: undefined} : job));
		this.pump();
	}

	/** Stops every running job (quitting the app). */
	stopAll(): void {
		for (const {controller} of this.running.values()) {
			controller.abort();
		}
	}

	private pump(): void {
		const limit = this.options.store.getSnapshot().concurrency;
		for (const job of this.jobs) {
			if (this.running.size >= limit) {
				return;
			}

			if (job.state === 'queued' && !this.running.has(job.id)) {
				void this.run(job);
			}
		}
	}

	private async run(job: Job): Promise<void> {
		const controller = new AbortController();
		this.running.set(job.id, {controller, startedAt: Date.now()});
		this.update(job.id, current => ({...current, state: 'authorising'}));
		const {store, open} = this.options;
		try {
			const version = await resolveVersion(job.model, job.csc, job.version, {fotaUrl: open.endpoints.fota, timeoutMs: open.timeoutMs, signal: controller.signal});
			const settings = store.getSnapshot();
			const opened = await openDownload({model: job.model, csc: job.csc, version, deviceId: store.deviceIdsFor(job.model)[0]}, {
				...open,
				protocol: settings.protocol,
				signal: controller.signal,
				memory: {get: model => store.getSnapshot().protocolByModel[model], set: (model, protocol) => store.rememberProtocol(model, protocol)},
			});
			const startedAt = Date.now();
			this.update(job.id, current => ({...current, version: opened.info.version, state: 'downloading', bytesTotal: opened.remote.size}));
			await downloadSequential({
				source: opened.source,
				remote: opened.remote,
				destDir: settings.downloadFolder || process.cwd(),
				signal: controller.signal,
				onProgress: ({bytesDone, bytesTotal}) => {
					const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
					const speed = bytesDone / seconds;
					this.update(job.id, current => ({...current, bytesDone, speed, eta: speed > 0 ? (bytesTotal - bytesDone) / speed : undefined}));
				},
			});
			this.update(job.id, current => ({...current, state: 'done', speed: 0, eta: 0}));
		} catch (error) {
			if (!controller.signal.aborted) {
				this.update(job.id, current => ({...current, state: 'failed', speed: 0, eta: undefined, error: this.options.explain(error)}));
				if (isFusdeckError(error)) {
					this.options.onError?.(error, job);
				}
			}
		} finally {
			this.running.delete(job.id);
			this.pump();
		}
	}

	private update(id: string, change: (job: Job) => Job): void {
		this.jobs = this.jobs.map(job => (job.id === id ? change(job) : job));
		this.publish();
	}

	private publish(): void {
		const jobs = this.jobs;
		const active = jobs.filter(job => ['authorising', 'downloading', 'verifying'].includes(job.state));
		this.snapshot = {
			jobs,
			totals: {
				active: active.length,
				queued: jobs.filter(job => job.state === 'queued').length,
				done: jobs.filter(job => job.state === 'done').length,
				failed: jobs.filter(job => job.state === 'failed').length,
				bytesDone: jobs.reduce((sum, job) => sum + job.bytesDone, 0),
				bytesTotal: jobs.reduce((sum, job) => sum + (job.bytesTotal ?? 0), 0),
				speed: active.reduce((sum, job) => sum + job.speed, 0),
			},
		};
		for (const listener of this.listeners) {
			listener();
		}
	}
}
