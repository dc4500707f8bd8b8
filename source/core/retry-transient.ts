/**
 * Runs a short exchange with Samsung again when it failed for a passing reason: 429 (after its
 * Retry-After), 5xx, a reset or a timeout. The transfer rides out whole bursts of these; without
 * this, one 503 from version.xml or BinaryInform failed a download before its first byte. Few
 * attempts and a bounded wait: a server that keeps failing is reported, not waited out.
 */
import {isTransientError} from './errors.js';
import {sleepFor} from './versions/latest-across.js';
import {backoffDelay} from './transfer/retry-policy.js';

export type RetryTransientOptions = {
	/** Tries in all, the first included. */
	attempts?: number;
	signal?: AbortSignal;
	/** The longest single wait worth making (a longer Retry-After is reported instead). */
	maxWaitMs?: number;
	baseDelayMs?: number;
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	random?: () => number;
};

export async function retryTransient<T>(run: () => Promise<T>, options: RetryTransientOptions = {}): Promise<T> {
	const attempts = options.attempts ?? 4;
	for (let attempt = 1; ; attempt++) {
		try {
			return await run();
		} catch (error) {
			if (attempt >= attempts || !isTransientError(error) || options.signal?.aborted) {
				throw error;
			}

			const {retryAfter} = error.context;
			const delay = retryAfter === undefined
				? backoffDelay(attempt, {baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: 8000, random: options.random ?? Math.random})
				: retryAfter * 1000;
			if (delay > (options.maxWaitMs ?? 60_000)) {
				throw error;
			}

			await (options.sleep ?? sleepFor)(delay, options.signal);
		}
	}
}
