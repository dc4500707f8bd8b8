/**
 * One connection: takes a lease from the pool, fetches it with retries, decrypts each run of whole
 * blocks as it arrives (AES-ECB blocks are independent) and writes it at its offset. Anything the
 * server says goes through checkRangeResponse; anything the network does is retried with backoff.
 */
import {writevSync} from 'node:fs';
import type {FileHandle} from 'node:fs/promises';
import type {Readable} from 'node:stream';
import {crc32} from 'node:zlib';
import type {Clock} from '../clock.js';
import {FusError, NetworkError, TransferError, isFusdeckError, isTransientError, type FusdeckError} from '../errors.js';
import {createBlockDecipher} from '../fus/crypto.js';
import {decryptInPieces} from './decrypt-pieces.js';
import type {AuthGate} from './auth-gate.js';
import {checkRangeResponse} from './response-check.js';
import {backoffDelay, parseRetryAfter, type RetryOptions} from './retry-policy.js';
import type {TransferStatistics} from './transfer-statistics.js';
import type {Lease, WorkPool} from './work-pool.js';
import type {DoneRange} from './range-set.js';
import type {DownloadSource} from './types.js';

export type TransferContext = {
	source: DownloadSource;
	size: number;
	key: Buffer;
	part: FileHandle;
	encrypted: FileHandle | undefined;
	partPath: string;
	pool: WorkPool;
	stats: TransferStatistics;
	gate: AuthGate;
	clock: Clock;
	retry: RetryOptions;
	stallTimeoutMs: number;
	/** Bytes buffered per connection before a decrypt + write. A multiple of 16. */
	stagingBytes: number;
	writeAt: WriteAt;
	/** Aborted on cancel and on the first fatal error; every connection stops. */
	signal: AbortSignal;
	/** Shared: no request before this time (a 429 with Retry-After holds every connection). */
	notBefore: number;
	/** Shared: milliseconds all connections have spent waiting for retries. */
	waitedMs: number;
	/** `bytes` more were decrypted and written (and as many encrypted bytes, when those are kept). */
	onWritten(bytes: number): void;
	onLeaseDone(range: DoneRange): void;
};

/** Writes pieces at a file offset, returning the bytes written (a regular file takes all or throws). */
export type WriteAt = (fd: number, pieces: Buffer[], position: number) => number;

/**
 * Synchronous on purpose. Through the thread pool every 256 KiB write cost a wake-up of another
 * thread, and four connections' threads then queued on the file's lock: on 2 GiB, 1.4 s of the main
 * thread went to submitting writes (`--cpu-prof`), and the whole download used ~10 s of CPU against
 * ~8.5 s with these page-cache copies done in place (`/usr/bin/time`, alternating runs; wall time on
 * this noisy VM moved less clearly). A write blocks only as long as the kernel takes
 * to copy 256 KiB into the page cache, unless the disk is far slower than the network and the kernel
 * throttles dirty pages (then at most a few hundred milliseconds: the download is disk-bound anyway).
 * Tried again (2026-12-04) with every write of the file queued to one pool thread at a time, the
 * decrypted bytes in reused buffers (no GC work) and reading paused while 2 MiB per connection
 * waited: 12.0–14.0 s wall and ~11 s user CPU for 2 GiB against 8.7–11.1 s and ~6.7 s here, in four
 * alternating runs each. The page-cache copy costs as much from a pool thread (38 % of all samples
 * in `perf`), and handing every write across threads costs more than the main thread it frees.
 */
export const writeAtSync: WriteAt = (fd, pieces, position) => writevSync(fd, pieces, position);

class Stalled extends Error {}

export async function runConnection(ctx: TransferContext): Promise<void> {
	const staging = Buffer.allocUnsafe(ctx.stagingBytes);
	for (let lease = ctx.pool.take(); lease; lease = ctx.pool.take()) {
		await runLease(ctx, lease, staging);
		// Synchronous together, so a checkpoint sees the range exactly once.
		ctx.pool.release(lease);
		ctx.onLeaseDone({start: lease.start, end: lease.pos, crc: lease.crc});
	}
}

async function runLease(ctx: TransferContext, lease: Lease, staging: Buffer): Promise<void> {
	let attempts = 0;
	let renewedWithoutProgress = false;
	while (lease.pos < lease.end) {
		ctx.signal.throwIfAborted();
		if (ctx.notBefore > ctx.clock.now()) {
			await ctx.clock.sleep(ctx.notBefore - ctx.clock.now(), ctx.signal);
		}

		const generation = ctx.gate.generation;
		const start = lease.pos;
		// The reply is checked against what was asked: an idle connection may take the far half of
		// this lease while the request is in flight, and the bytes past the new end are then dropped.
		const end = lease.end - 1;
		const before = lease.pos;
		const request = new AbortController();
		const signal = AbortSignal.any([ctx.signal, request.signal]);
		let failure: FusdeckError | undefined;
		let retryAfterMs: number | undefined;
		try {
			const response = await ctx.source.requestRange(start, end, signal);
			const verdict = checkRangeResponse(response, start, end, ctx.size);
			if (verdict.kind !== 'data') {
				discard(response.body);
			}

			if (verdict.kind === 'renew') {
				if (renewedWithoutProgress) {
					throw new FusError('LINK_EXPIRED', 'The server still refuses the download after renewing its authorisation (HTTP 401); start the download again later', {stage: 'download', httpStatus: 401});
				}

				renewedWithoutProgress = true;
				try {
					await ctx.gate.renew(generation);
					ctx.stats.renewals = ctx.gate.renewals;
					continue;
				} catch (error) {
					// FUS itself rate-limited or failed the renewal: wait like for any transient failure, then renew again.
					if (!isTransientError(error)) {
						throw error;
					}

					renewedWithoutProgress = false;
					failure = error;
					retryAfterMs = error.context.retryAfter === undefined ? undefined : error.context.retryAfter * 1000;
				}
			} else if (verdict.kind === 'fatal') {
				throw verdict.error;
			} else if (verdict.kind === 'retry') {
				failure = verdict.error;
				retryAfterMs = parseRetryAfter(verdict.retryAfter, ctx.clock.now());
			} else {
				ctx.stats.connections++;
				try {
					await streamBody(ctx, lease, response.body, verdict.end + 1, staging, request);
				} finally {
					ctx.stats.connections--;
				}

				if (lease.pos < Math.min(lease.end, verdict.end + 1)) {
					failure = new NetworkError('NETWORK', `The connection closed early at byte ${lease.pos}`, {stage: 'download'});
				}
			}
		} catch (error) {
			if (ctx.signal.aborted) {
				throw ctx.signal.reason ?? error;
			}

			if (isFusdeckError(error) && !(error instanceof NetworkError)) {
				throw error;
			}

			if (error instanceof Stalled) {
				ctx.stats.stalls++;
				failure = new NetworkError('TIMEOUT', `No data for ${Math.round(ctx.stallTimeoutMs / 1000)} s`, {stage: 'download'});
			} else {
				failure = isFusdeckError(error) ? error : new NetworkError('NETWORK', `Download connection failed: ${(error as Error).message}`, {stage: 'download'}, {cause: error});
			}
		}

		if (lease.pos > before) {
			attempts = 0;
			renewedWithoutProgress = false;
		}

		if (failure) {
			await waitToRetry(ctx, failure, ++attempts, retryAfterMs);
		}
	}
}

async function waitToRetry(ctx: TransferContext, failure: FusdeckError, attempts: number, retryAfterMs: number | undefined): Promise<void> {
	ctx.stats.retries++;
	if (attempts >= ctx.retry.maxAttempts) {
		throw annotate(failure, `gave up after ${attempts} attempts`);
	}

	const delay = retryAfterMs ?? backoffDelay(attempts, ctx.retry);
	if (ctx.waitedMs + delay > ctx.retry.maxTotalWaitMs) {
		throw annotate(failure, `retrying would wait longer than ${Math.round(ctx.retry.maxTotalWaitMs / 1000)} s in total`);
	}

	ctx.waitedMs += delay;
	if (retryAfterMs !== undefined) {
		// The server asked everyone to hold off, not just this connection.
		ctx.notBefore = Math.max(ctx.notBefore, ctx.clock.now() + retryAfterMs);
	}

	await ctx.clock.sleep(delay, ctx.signal);
}

function annotate(error: FusdeckError, why: string): FusdeckError {
	const Kind = error.constructor as new (...args: ConstructorParameters<typeof FusError>) => FusdeckError;
	return new Kind(error.code, `${error.message} (${why})`, error.context, {cause: error});
}

async function streamBody(ctx: TransferContext, lease: Lease, body: Readable, bodyEnd: number, staging: Buffer, request: AbortController): Promise<void> {
	const decipher = createBlockDecipher(ctx.key);
	let filled = 0;
	let stalled = false;
	const timer = setTimeout(() => {
		stalled = true;
		request.abort(new Stalled());
	}, ctx.stallTimeoutMs);
	timer.unref();

	const limit = () => Math.min(lease.end, bodyEnd);
	// Decrypts and writes the staged whole blocks; crc covers [start, pos) before and after.
	const flush = () => {
		let n = Math.min(filled, limit() - lease.pos);
		n -= n % 16;
		if (n > 0) {
			const encrypted = staging.subarray(0, n);
			write(ctx, ctx.encrypted, [encrypted], lease.pos);
			write(ctx, ctx.part, decryptInPieces(decipher, encrypted), lease.pos);
			lease.crc = crc32(encrypted, lease.crc);
			lease.pos += n;
			ctx.stats.add(n);
			ctx.onWritten(n);
			staging.copyWithin(0, n, filled);
			filled -= n;
		}

		if (lease.pos >= limit()) {
			filled = 0; // anything past our (possibly shortened) lease belongs to another connection
		}
	};

	// Returns true when the lease (or the body's range) is complete and the rest is not wanted.
	const take = (chunk: Buffer): boolean => {
		for (let offset = 0; offset < chunk.length;) {
			const copied = chunk.copy(staging, filled, offset);
			filled += copied;
			offset += copied;
			if (filled === staging.length) {
				flush();
				if (lease.pos >= limit()) {
					return true;
				}
			}
		}

		return false;
	};

	try {
		await consumeBody(body, chunk => {
			timer.refresh();
			return take(chunk);
		});
		flush();
	} catch (error) {
		// What arrived is good: keep it, so a cancel or a stall loses at most a partial block.
		try {
			flush();
		} catch {
			// The first error is the one to report.
		}

		if (stalled) {
			throw new Stalled();
		}

		throw error;
	} finally {
		clearTimeout(timer);
		discard(body);
	}
}

/**
 * Feeds each chunk to `take` as the body emits it, until the body ends or `take` says it has all it
 * wants. Events rather than `for await`: the async iterator costs a promise and a microtask turn for
 * each 64 KiB chunk (32 768 on 2 GiB), on the thread that also decrypts; the download's CPU time fell
 * by 0.1–0.2 s of ~8 s (`/usr/bin/time`, alternating runs).
 */
async function consumeBody(body: Readable, take: (chunk: Buffer) => boolean): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const cleanup = () => {
			body.off('data', onData);
			body.off('end', onEnd);
			body.off('error', onError);
			body.off('close', onClose);
			// A late error from a body we stopped reading must not go unheard (an unhandled 'error' throws).
			body.on('error', () => undefined);
		};

		const onData = (chunk: Buffer) => {
			let complete: boolean;
			try {
				complete = take(chunk);
			} catch (error) {
				cleanup();
				reject(error);
				return;
			}

			if (complete) {
				cleanup();
				resolve();
			}
		};

		const onEnd = () => {
			cleanup();
			resolve();
		};

		const onError = (error: Error) => {
			cleanup();
			reject(error);
		};

		// Closed without 'end' or 'error': the connection went away mid-body.
		const onClose = () => {
			cleanup();
			reject(Object.assign(new Error('Premature close'), {code: 'ERR_STREAM_PREMATURE_CLOSE'}));
		};

		body.on('data', onData);
		body.on('end', onEnd);
		body.on('error', onError);
		body.on('close', onClose);
	});
}

/** undici's body emits an error when destroyed unread; nobody needs to hear it. */
function discard(body: Readable): void {
	body.on('error', () => undefined);
	body.destroy();
}

function write(ctx: TransferContext, handle: FileHandle | undefined, pieces: Buffer[], position: number): void {
	if (!handle) {
		return;
	}

	try {
		const expected = pieces.reduce((sum, piece) => sum + piece.length, 0);
		const bytesWritten = ctx.writeAt(handle.fd, pieces, position);
		if (bytesWritten !== expected) {
			// A regular file takes everything or fails; a short write means the disk filled up.
			throw Object.assign(new Error(`short write (${bytesWritten} of ${expected} bytes)`), {code: 'ENOSPC'});
		}
	} catch (error) {
		throw diskWriteError(error, ctx.partPath);
	}
}

/** What a failed write or datasync of the download's file means to the user. */
export function diskWriteError(error: unknown, path: string): TransferError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOSPC' || code === 'EDQUOT') {
		return new TransferError('DISK_FULL', `The disk is full while writing ${path}; free some space and start the download again: it resumes where it stopped`, {stage: 'disk', path});
	}

	return new TransferError('INTERNAL', `Could not write ${path}: ${(error as Error).message}`, {stage: 'disk', path}, {cause: error});
}
