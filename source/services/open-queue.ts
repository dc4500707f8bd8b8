/**
 * The download queue as the workstation and `fusdeck download` open it: FUS prepare wired to the
 * settings (protocol, stored IMEIs, remembered variant per model), persisted in the config folder
 * when this process can take the queue lock, in memory otherwise.
 */
import type {Endpoints} from '../core/endpoints.js';
import {createFusPrepare, type PrepareOptions} from '../core/fus/prepare-download.js';
import {DownloadQueue} from '../core/queue/download-queue.js';
import {lockQueue, type QueueLock} from '../core/queue/queue-lock.js';
import type {SettingsStore} from '../core/store/settings-store.js';

export type OpenQueueOptions = {
	endpoints: Endpoints;
	store: SettingsStore;
	timeoutMs?: number;
	/** The queue file; absent: memory only. */
	storePath?: string;
	/** The workstation resumes unfinished jobs; a scripted download runs only its own. */
	autoResume: boolean;
	/** Overrides the settings' protocol choice (a command's --protocol). */
	protocol?: PrepareOptions['protocol'];
	/** Overrides the settings' connections per job (a command's --connections). */
	connections?: number;
	concurrency?: number;
	onServed?: PrepareOptions['onServed'];
};

export type OpenedQueue = {
	queue: DownloadQueue;
	/** Set when another live process holds the queue file; this queue then lives in memory. */
	heldBy?: number;
	close(): Promise<void>;
};

export async function openQueue(options: OpenQueueOptions): Promise<OpenedQueue> {
	const {store} = options;
	const prepare = createFusPrepare({
		endpoints: options.endpoints,
		timeoutMs: options.timeoutMs,
		protocol: options.protocol ?? (() => store.getSnapshot().protocol),
		deviceIdFor: model => store.deviceIdsFor(model)[0],
		memory: {get: model => store.getSnapshot().protocolByModel[model], set: (model, protocol) => store.rememberProtocol(model, protocol)},
		onServed: options.onServed,
	});
	const common = {
		prepare,
		destDir: store.getSnapshot().downloadFolder || process.cwd(),
		connections: options.connections ?? (() => store.getSnapshot().connectionsPerJob),
		concurrency: options.concurrency ?? store.getSnapshot().concurrency,
		autoResume: options.autoResume,
	};
	let lock: QueueLock | undefined;
	let heldBy: number | undefined;
	if (options.storePath) {
		const result = await lockQueue(options.storePath);
		lock = result.lock;
		heldBy = result.heldBy;
	}

	const queue = lock ? await DownloadQueue.open({...common, storePath: options.storePath}) : new DownloadQueue(common);
	return {
		queue,
		...(heldBy === undefined ? {} : {heldBy}),
		async close() {
			await queue.close();
			await lock?.release();
		},
	};
}
