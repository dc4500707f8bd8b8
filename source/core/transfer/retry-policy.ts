/**
 * How long to wait before trying again. Exponential backoff with "equal jitter" (half fixed, half
 * random) so that N connections that failed together do not come back together; Retry-After from
 * the server wins when it is given. Bounded twice: attempts per piece without progress, and the
 * total time spent waiting over the whole download.
 */

export type RetryOptions = {
	/** Failed attempts in a row (no byte written in between) before the piece is given up. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Total time all connections may spend waiting for retries. */
	maxTotalWaitMs: number;
	/** [0, 1); injectable for tests. */
	random: () => number;
};

export const defaultRetryOptions: RetryOptions = {
	maxAttempts: 8,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 10 * 60_000,
	random: Math.random,
};

export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
	const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or garbage. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
	const text = (Array.isArray(value) ? value[0] : value)?.trim();
	if (!text) {
		return undefined;
	}

	if (/^\d+$/.test(text)) {
		return Number(text) * 1000;
	}

	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
