import type {ErrorCode} from '../error-codes.js';
import type {DownloadSource, RemoteFile} from '../transfer/types.js';

export const jobStates = ['queued', 'authorising', 'downloading', 'verifying', 'done', 'paused', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

/** States in which a job holds a slot (and an AbortController). */
export const activeStates: readonly JobState[] = ['authorising', 'downloading', 'verifying'];

/** What the user asked for. The queue passes it to `prepare` untouched. */
export type JobSpec = {
	model: string;
	csc: string;
	/** A specific build; absent means the latest. */
	version?: string;
	/** IMEI or serial, when the classic protocol needs one. */
	deviceId?: string;
	/** Overrides the queue's download folder. */
	destDir?: string;
	keepEncrypted?: boolean;
	/** Stop before the transfer when the server offers another build than `version`. */
	exactBuild?: boolean;
};

/** Authorises a download (FUS inform + init) and returns what the engine needs. Supplied by the FUS client. */
export type Prepare = (spec: JobSpec, signal: AbortSignal) => Promise<{remote: RemoteFile; source: DownloadSource; protocol?: string}>;

/** One job as persisted. */
export type JobRecord = {
	id: string;
	spec: JobSpec;
	state: JobState;
	createdAt: string;
	/** What the server served (known after prepare). */
	remote?: {binaryName: string; size: number; version: string; protocol?: string};
	bytesDone: number;
	bytesTotal: number;
	/** The decrypted zip, once done. */
	path?: string;
	/** What the transfer reported, once done. */
	result?: JobResult;
	error?: {code: ErrorCode; message: string};
};

export type JobResult = {
	/** Size of the decrypted zip. */
	bytes: number;
	/** .tar.md5 members whose MD5 trailer matched. */
	members: number;
	/** Bytes found on disk from an earlier run. */
	resumedBytes: number;
	renewals: number;
	retries: number;
};

/** One job as the UI sees it: immutable. */
export type JobView = Readonly<{
	id: string;
	model: string;
	csc: string;
	/** The served version once known, else the one asked for (or undefined for "latest"). */
	version: string | undefined;
	/** The protocol variant that authorised the download, once known. */
	protocol: string | undefined;
	state: JobState;
	bytesDone: number;
	bytesTotal: number;
	bytesPerSecond: number;
	etaSeconds: number | undefined;
	connections: number;
	retries: number;
	path: string | undefined;
	result: Readonly<JobResult> | undefined;
	error: Readonly<{code: ErrorCode; message: string}> | undefined;
}>;

export type QueueTotals = Readonly<{
	jobs: number;
	active: number;
	queued: number;
	done: number;
	failed: number;
	bytesDone: number;
	bytesTotal: number;
	bytesPerSecond: number;
}>;

export type QueueSnapshot = Readonly<{jobs: readonly JobView[]; concurrency: number; totals: QueueTotals}>;

export type QueueEvents = {
	/** Something changed; progress-only changes are coalesced to a few per second. */
	change: [snapshot: QueueSnapshot];
	/** A job entered a new state (not coalesced). */
	state: [job: JobView];
};
