/**
 * The seam between the workstation UI and core. The UI sees only these plain functions and
 * subscribable objects; `cli.tsx` wires them to the real catalog, FUS client, queue and store,
 * and the component tests to `test/helpers/fake-services.ts`.
 */
import type {ErrorCode} from '../core/error-codes.js';
import type {Explanation} from '../core/explain/types.js';
import type {SettingsStore} from '../core/store/settings-store.js';

export type CatalogModel = {
	/** Model code, e.g. "SM-S918B". */
	model: string;
	/** Marketing name, e.g. "Galaxy S23 Ultra". */
	name: string;
	altNames: readonly string[];
	year?: number;
	category?: string;
};

export type Csc = {
	/** Three-character CSC code, e.g. "EUX". */
	csc: string;
	country: string;
	/** ISO 3166 alpha-2, when the CSC belongs to one country. */
	iso?: string;
	/** Carrier name, absent for open (unbranded) CSCs. */
	carrier?: string;
	/** Multi-CSC groups the code belongs to, e.g. ["EUX"]. */
	groups: readonly string[];
};

export type CompareState = 'loading' | 'ok' | 'none' | 'failed';

/** One CSC's latest build as the comparison sees it. */
export type CompareResult = {
	csc: string;
	state: CompareState;
	/** Full version, "PDA/CSC/MODEM[/BOOTLOADER]". */
	version?: string;
	pda?: string;
	buildYear?: number;
	/** 1–12. */
	buildMonth?: number;
	android?: string;
	error?: Explanation;
};

/**
 * One CSC as region discovery found it. ok: carries firmware; none: a known pair without firmware;
 * unknown: nothing published for the pair; failed: the probe failed (retried later, never cached).
 */
export type DiscoveredRegion = {
	csc: string;
	state: 'ok' | 'none' | 'unknown' | 'failed';
	/** Full latest version, when ok. */
	latest?: string;
	android?: string;
};

/** Which CSCs carry firmware for a model, from one probe run (cached or just done). */
export type RegionDiscovery = {
	model: string;
	/** Epoch milliseconds of the probe run. */
	discoveredAt: number;
	/** Older than core's cache age: shown, but probed again. */
	stale: boolean;
	regions: readonly DiscoveredRegion[];
};

export type DiscoveryProgress = {done: number; total: number; region: DiscoveredRegion};

export type BuildRecord = {
	pda: string;
	version: string;
	/** "YYYY-MM" (or a full date) when known. */
	date?: string;
	android?: string;
	/** The build FUS serves now (the one a download gets). */
	served?: boolean;
	beta?: boolean;
};

export const jobStates = ['queued', 'authorising', 'downloading', 'verifying', 'done', 'paused', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];
/** States in which a job still holds or waits for a slot: quitting stops these. */
export const activeJobStates: readonly JobState[] = ['queued', 'authorising', 'downloading', 'verifying'];

export type Job = {
	id: string;
	model: string;
	csc: string;
	/** The version asked for, or the one being served once known. */
	version?: string;
	state: JobState;
	bytesDone: number;
	/** Undefined until the server has told the size. */
	bytesTotal?: number;
	/** Bytes per second over core's window. */
	speed: number;
	/** Seconds, clamped by core; undefined when unknown. */
	eta?: number;
	connections: number;
	error?: Explanation;
	/** A done job's result: the verified zip, its size, and how many .tar.md5 members matched. */
	file?: {path: string; bytes: number; members: number};
};

export type QueueTotals = {
	active: number;
	queued: number;
	done: number;
	failed: number;
	bytesDone: number;
	bytesTotal: number;
	/** Bytes per second over all jobs. */
	speed: number;
};

/** Immutable: core produces a new object on every change (useSyncExternalStore compares by identity). */
export type QueueSnapshot = {
	readonly jobs: readonly Job[];
	readonly totals: QueueTotals;
};

export type EnqueueSpec = {
	model: string;
	csc: string;
	/** Absent: the latest build FUS serves. */
	version?: string;
};

export type Subscribable<T> = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): T;
};

export type QueueService = Subscribable<QueueSnapshot> & {
	enqueue(spec: EnqueueSpec): void | Promise<unknown>;
	pause(id: string): void | Promise<unknown>;
	resume(id: string): void | Promise<unknown>;
	cancel(id: string): void | Promise<unknown>;
	retry(id: string): void | Promise<unknown>;
	/** Forgets a done or cancelled job; its file, if any, stays where it is. */
	remove(id: string): void | Promise<unknown>;
};

/** An explained error, as the Errors pane shows it. Repeats are collapsed by the UI. */
export type ErrorEntry = {
	/** Unique per occurrence. */
	id: number;
	/** Epoch milliseconds. */
	at: number;
	code: ErrorCode;
	explanation: Explanation;
	model?: string;
	csc?: string;
	jobId?: string;
};

export type ErrorFeed = Subscribable<readonly ErrorEntry[]> & {
	clear(): void;
};

/** The settings store's surface the UI uses; `SettingsStore` satisfies it. */
export type SettingsService = Pick<SettingsStore,
	| 'getSnapshot' | 'subscribe' | 'recoveredFrom' | 'path' | 'deviceIdsFor' | 'addDeviceId' | 'removeDeviceId'
	| 'setPreferredRegions' | 'togglePreferredRegion' | 'toggleFavourite' | 'noteRecent' | 'setDownloadFolder'
	| 'setConcurrency' | 'setConnectionsPerJob' | 'setProtocol'>;

export type AppServices = {
	/** Models whose code, name or alternative names match; empty query → all, in catalog order. */
	searchModels(query: string): readonly CatalogModel[];
	cscsForModel(model: string): readonly Csc[];
	/**
	 * Latest build per CSC, streamed as each answer arrives (core bounds concurrency and honours
	 * rate limits). Yields one final result (ok, none or failed) per CSC; stops when aborted.
	 */
	compare(model: string, cscs: readonly string[], signal: AbortSignal): AsyncIterable<CompareResult>;
	/** The last discovery of the model from the cache, of any age (see `stale`); undefined when never probed. */
	cachedRegions(model: string): Promise<RegionDiscovery | undefined>;
	/**
	 * Probes every known CSC for the model (core bounds concurrency and backs off on 429), reports
	 * each answer through `onProgress`, caches and resolves with the result. Rejects when aborted.
	 */
	discoverRegions(model: string, options: {signal: AbortSignal; onProgress?: (progress: DiscoveryProgress) => void}): Promise<RegionDiscovery>;
	/** Known builds for a model/CSC, newest first. Rejects with a FusdeckError on failure. */
	history(model: string, csc: string, signal: AbortSignal): Promise<readonly BuildRecord[]>;
	/** Turns any thrown value into an explanation (core/explain); used for history failures. */
	explain(error: unknown): Explanation;
	queue: QueueService;
	errors: ErrorFeed;
	settings: SettingsService;
};
