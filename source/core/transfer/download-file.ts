/**
 * Downloads one firmware file: N ranged connections into `<final name>.part`, decrypted in place,
 * checkpointed to `<final name>.part.json`, resumed from it, verified (CRC32 of the encrypted
 * stream, PKCS#7, .tar.md5 members) and renamed to the final name only when all of that holds.
 */
import {mkdir, open, readdir, rename, rm, stat, type FileHandle} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {systemClock, type Clock} from '../clock.js';
import {TransferError, VerifyError, isFusdeckError} from '../errors.js';
import {AuthGate} from './auth-gate.js';
import {diskWriteError, runConnection, writeAtSync, type TransferContext, type WriteAt} from './connection.js';
import {ensureFreeSpace, type FreeSpace, freeSpaceOf} from './disk-space.js';
import {VerifierThread} from './early-verify-thread.js';
import {removePadding, verifyAndRename} from './finish-file.js';
import {RangeSet} from './range-set.js';
import {defaultRetryOptions, type RetryOptions} from './retry-policy.js';
import {encryptedNameFor, finalNameFor, pathInside} from './safe-name.js';
import {readSidecar, sidecarPathFor, writeSidecar} from './sidecar.js';
import {noProgress, TransferStatistics, type ProgressSink} from './transfer-statistics.js';
import type {MemberCheck} from './verify-zip.js';
import {WorkPool, type Lease} from './work-pool.js';
import {Writeback} from './writeback.js';
import type {DownloadSource, RemoteFile} from './types.js';

export type DownloadOptions = {
	source: DownloadSource;
	remote: RemoteFile;
	destDir: string;
	connections?: number;
	signal?: AbortSignal;
	onProgress?: ProgressSink;
	clock?: Clock;
	checkpointIntervalMs?: number;
	/** Also keep the encrypted bytes as BINARY_NAME (`.enc2`/`.enc4`). */
	keepEncrypted?: boolean;
	retry?: Partial<RetryOptions>;
	/** No byte for this long on a connection: abort it and let the work move on. */
	stallTimeoutMs?: number;
	/** Largest piece one request asks for; pieces are split further by idle connections. */
	maxLeaseBytes?: number;
	/** Free bytes in a folder (tests inject it). */
	freeSpace?: FreeSpace;
	/** Writes the decrypted (and kept encrypted) bytes; tests inject a file system that fills up. */
	writeAt?: WriteAt;
};

export type DownloadResult = {
	path: string;
	encryptedPath?: string;
	/** Size of the decrypted zip. */
	bytes: number;
	/** Bytes that were already on disk from an earlier run. */
	resumedBytes: number;
	members: MemberCheck[];
	renewals: number;
	retries: number;
	/** Every member was checked while the bytes arrived (no verification pass after the download). */
	verifiedEarly: boolean;
};

/** The files a download may leave behind in destDir: `.part`, its sidecar, and the encrypted `.part`. */
export function transferFiles(destDir: string, binaryName: string) {
	const final = pathInside(destDir, finalNameFor(binaryName));
	const part = `${final}.part`;
	const encrypted = pathInside(destDir, encryptedNameFor(binaryName));
	return {final, part, sidecar: sidecarPathFor(part), encrypted, encryptedPart: `${encrypted}.part`, failed: `${final}.failed`};
}

/** Removes what an unfinished download left (cancel). */
export async function removeTransferFiles(destDir: string, binaryName: string): Promise<void> {
	const files = transferFiles(destDir, binaryName);
	await Promise.all([files.part, files.sidecar, files.encryptedPart].map(async path => rm(path, {force: true})));
	await removeStaleTemporaries(destDir, files.sidecar);
}

/** A process killed while writing the sidecar leaves its temp file behind (see writeFileAtomic). */
async function removeStaleTemporaries(destDir: string, sidecar: string): Promise<void> {
	const prefix = `${basename(sidecar)}.`;
	const names = await readdir(destDir).catch(() => [] as string[]);
	await Promise.all(names.filter(name => name.startsWith(prefix) && name.endsWith('.tmp')).map(async name => rm(join(destDir, name), {force: true})));
}

export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
	const {remote, destDir} = options;
	const keepEncrypted = options.keepEncrypted ?? false;
	const clock = options.clock ?? systemClock;
	const onProgress = options.onProgress ?? noProgress;
	if (!Number.isSafeInteger(remote.size) || remote.size <= 0 || remote.size % 16 !== 0) {
		throw new TransferError('SIZE_MISMATCH', `The server announced ${remote.size} bytes, which is not a whole number of AES blocks; this is not a firmware file`, {stage: 'download'});
	}

	const files = transferFiles(destDir, remote.binaryName);
	await mkdir(destDir, {recursive: true});
	let state = await readSidecar(files.sidecar, remote, keepEncrypted);
	if (state && !(await hasSize(files.part, remote.size) && (!keepEncrypted || await hasSize(files.encryptedPart, remote.size)))) {
		state = undefined;
	}

	if (state) {
		await removeStaleTemporaries(destDir, files.sidecar);
	} else {
		await removeTransferFiles(destDir, remote.binaryName);
	}

	const done = new RangeSet(state?.done ?? []);
	const resumedBytes = done.bytes;
	await ensureFreeSpace(destDir, (remote.size - resumedBytes) * (keepEncrypted ? 2 : 1), options.freeSpace ?? freeSpaceOf);

	const part = await openSized(files.part, remote.size, Boolean(state));
	let encrypted: FileHandle | undefined;
	let verifier: VerifierThread | undefined;
	const writeback = new Writeback(() => encrypted ? [part, encrypted] : [part]);
	try {
		encrypted = keepEncrypted ? await openSized(files.encryptedPart, remote.size, Boolean(state)) : undefined;
		const stats = new TransferStatistics(clock, remote.size, resumedBytes);
		const checkpoints = new Checkpointer(files.sidecar, remote, keepEncrypted, done);
		await checkpoints.write([]);
		verifier = new VerifierThread(files.part, remote.size);
		const result = await transfer(options, {part, encrypted, stats, checkpoints, done, clock, onProgress, partPath: files.part, verifier, writeback});
		stats.phase = 'verifying';
		onProgress(stats.snapshot());
		const crc = done.wholeCrc(remote.size);
		if (remote.crc32 !== undefined && crc !== remote.crc32) {
			throw new VerifyError('CRC_MISMATCH', `CRC32 of the downloaded file is ${crc}, the server announced ${remote.crc32}: the download is corrupt`, {stage: 'verify', path: files.part});
		}

		// Usually every member was checked while the bytes arrived; if not, the full pass runs now.
		const early = await verifier.finish();
		const bytes = await removePadding(part, remote.size, files.part);
		// One final flush of both files, after the padding's truncation, so the new size is durable too.
		await writeback.settle().catch((error: unknown) => {
			throw diskWriteError(error, files.part);
		});
		await encrypted?.close();
		encrypted = undefined;
		await part.close();
		let members = early;
		if (members) {
			await rename(files.part, files.final);
		} else {
			members = await verifyAndRename(files.part, files.final, {signal: options.signal});
		}

		if (keepEncrypted) {
			await rename(files.encryptedPart, files.encrypted);
		}

		await rm(files.sidecar, {force: true});
		stats.phase = 'done';
		onProgress(stats.snapshot());
		return {path: files.final, ...(keepEncrypted ? {encryptedPath: files.encrypted} : {}), bytes, resumedBytes, members, verifiedEarly: Boolean(early), ...result};
	} catch (error) {
		verifier?.stop();
		await writeback.drain();
		await part.close().catch(() => undefined);
		await encrypted?.close().catch(() => undefined);
		if (error instanceof VerifyError) {
			throw await keepEvidence(files, error);
		}

		throw error;
	}
}

type Internals = {
	part: FileHandle;
	encrypted: FileHandle | undefined;
	stats: TransferStatistics;
	checkpoints: Checkpointer;
	done: RangeSet;
	clock: Clock;
	onProgress: ProgressSink;
	partPath: string;
	verifier: VerifierThread;
	writeback: Writeback;
};

async function transfer(options: DownloadOptions, internals: Internals): Promise<{renewals: number; retries: number}> {
	const {remote} = options;
	const {stats, checkpoints, done} = internals;
	const stop = new AbortController();
	const onAbort = () => stop.abort(new TransferError('CANCELLED', 'Download cancelled; run it again to resume', {stage: 'download'}));
	options.signal?.addEventListener('abort', onAbort, {once: true});
	if (options.signal?.aborted) {
		onAbort();
	}

	const {verifier} = internals;
	const pool = new WorkPool(tailFirst(done.missing(remote.size), verifier.tailStart), {maxLeaseBytes: options.maxLeaseBytes ?? 32 << 20, minSplitBytes: 1 << 20});
	const tellVerifier = () => verifier.update(completePrefix(done, pool.active), isDone(done, verifier.tailStart, remote.size));
	tellVerifier();
	const gate = new AuthGate(options.source);
	const ctx: TransferContext = {
		source: options.source,
		size: remote.size,
		key: remote.key,
		part: internals.part,
		encrypted: internals.encrypted,
		partPath: internals.partPath,
		pool,
		stats,
		gate,
		clock: internals.clock,
		retry: {...defaultRetryOptions, ...options.retry},
		stallTimeoutMs: options.stallTimeoutMs ?? 30_000,
		stagingBytes: 256 << 10,
		writeAt: options.writeAt ?? writeAtSync,
		signal: stop.signal,
		notBefore: 0,
		waitedMs: 0,
		onWritten(bytes) {
			internals.writeback.written(bytes);
			internals.onProgress(stats.snapshot());
			tellVerifier();
		},
		onLeaseDone(range) {
			done.add(range);
			tellVerifier();
		},
	};
	const active = () => [...pool.active].map(l => ({start: l.start, end: l.pos, crc: l.crc}));
	const timer = setInterval(() => void checkpoints.write(active()).catch(() => undefined), options.checkpointIntervalMs ?? 1000);
	timer.unref();
	let failure: unknown;
	try {
		const connections = Math.max(1, Math.min(16, options.connections ?? 4));
		await Promise.all(Array.from({length: connections}, async () => runConnection(ctx).catch(error => {
			failure ??= error;
			stop.abort(error);
		})));
	} finally {
		clearInterval(timer);
		options.signal?.removeEventListener('abort', onAbort);
		await checkpoints.write(active());
	}

	if (failure !== undefined) {
		throw isFusdeckError(failure) ? failure : stop.signal.reason ?? failure;
	}

	return {renewals: gate.renewals, retries: stats.retries};
}

/** The end of the file goes first: its last block tells the padding, and the zip directory is there. */
function tailFirst(missing: Array<{start: number; end: number}>, tailStart: number): Array<{start: number; end: number}> {
	const last = missing.at(-1);
	if (!last || last.end <= tailStart || missing.length === 1 && last.start >= tailStart) {
		return missing;
	}

	const rest = last.start < tailStart ? [...missing.slice(0, -1), {start: last.start, end: tailStart}] : missing.slice(0, -1);
	return [{start: Math.max(last.start, tailStart), end: last.end}, ...rest];
}

/** Bytes [0, n) that are on disk: finished ranges, and the running lease that continues them. */
function completePrefix(done: RangeSet, active: ReadonlySet<Lease>): number {
	const first = done.ranges[0];
	let end = first?.start === 0 ? first.end : 0;
	for (let extended = true; extended;) {
		extended = false;
		for (const lease of active) {
			if (lease.start <= end && lease.pos > end) {
				end = lease.pos;
				extended = true;
			}
		}

		const next = done.ranges.find(range => range.start <= end && range.end > end);
		if (next) {
			end = next.end;
			extended = true;
		}
	}

	return end;
}

function isDone(done: RangeSet, start: number, end: number): boolean {
	return done.ranges.some(range => range.start <= start && range.end >= end);
}

/** Serialises sidecar writes; the latest state wins. */
class Checkpointer {
	#writing: Promise<void> = Promise.resolve();

	constructor(private readonly path: string, private readonly remote: RemoteFile, private readonly keepEncrypted: boolean, private readonly done: RangeSet) {}

	async write(active: Array<{start: number; end: number; crc: number}>): Promise<void> {
		const ranges = new RangeSet(this.done.ranges);
		for (const range of active) {
			ranges.add(range);
		}

		const {binaryName, size, crc32, version} = this.remote;
		const state = {format: 1 as const, binaryName, size, crc32, version, keepEncrypted: this.keepEncrypted, done: [...ranges.ranges], updatedAt: new Date().toISOString()};
		this.#writing = this.#writing.catch(() => undefined).then(async () => writeSidecar(this.path, state));
		await this.#writing;
	}
}

async function hasSize(path: string, size: number): Promise<boolean> {
	try {
		return (await stat(path)).size === size;
	} catch {
		return false;
	}
}

async function openSized(path: string, size: number, existing: boolean): Promise<FileHandle> {
	const handle = await open(path, existing ? 'r+' : 'w+', 0o644);
	if (!existing) {
		await handle.truncate(size);
	}

	return handle;
}

/** A failed verification keeps the bytes as `<final>.failed` (the sidecar goes: these bytes must not be resumed). */
async function keepEvidence(files: ReturnType<typeof transferFiles>, error: VerifyError): Promise<VerifyError> {
	try {
		await rename(files.part, files.failed);
		await rm(files.sidecar, {force: true});
		await rm(files.encryptedPart, {force: true});
	} catch {
		return error;
	}

	return new VerifyError(error.code, `${error.message}. The bytes were kept as ${files.failed} for inspection; delete it and download again`, {...error.context, path: files.failed}, {cause: error});
}
