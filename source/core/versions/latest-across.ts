/**
 * The latest firmware of one model across many CSCs, fetched in parallel with a bound that adapts
 * to rate limiting (429 → halve and wait Retry-After; success → grow back), retrying transient
 * failures a few times. Results stream out as they arrive.
 */
import {FusdeckError, isFusdeckError, isTransientError} from '../errors.js';
import {AdaptiveLimiter} from '../limiter.js';
import type {VersionInfo} from './version-xml.js';

export type RegionState = 'ok' | 'none' | 'unknown' | 'failed';

export type RegionResult = {
	csc: string;
	state: RegionState;
	/** Present when state is ok or none. */
	info?: VersionInfo;
	/** Present when state is failed or unknown. */
	error?: FusdeckError;
};

export type LatestAcrossOptions = {
	fetch: (model: string, csc: string, signal?: AbortSignal) => Promise<VersionInfo>;
	concurrency?: number;
	/** Attempts per CSC for rate limits and transient errors. */
	attempts?: number;
	signal?: AbortSignal;
	sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	onResult?: (result: RegionResult) => void;
};

export const sleepFor = async (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
	const timer = setTimeout(resolve, ms);
	signal?.addEventListener('abort', () => {
		clearTimeout(timer);
		reject(new FusdeckError('CANCELLED', 'Cancelled'));
	}, {once: true});
});

export async function latestAcross(model: string, cscs: string[], options: LatestAcrossOptions): Promise<RegionResult[]> {
	const limiter = new AdaptiveLimiter(options.concurrency ?? 6);
	const attempts = options.attempts ?? 4;
	const sleep = options.sleep ?? sleepFor;

	const probe = async (csc: string): Promise<RegionResult> => {
		for (let attempt = 1; ; attempt++) {
			try {
				const info = await limiter.run(async () => options.fetch(model, csc, options.signal));
				limiter.grow();
				return {csc, state: info.latest ? 'ok' : 'none', info};
			} catch (error) {
				if (!isFusdeckError(error)) {
					throw error;
				}

				if (error.code === 'UNKNOWN_PAIR') {
					return {csc, state: 'unknown', error};
				}

				if (!isTransientError(error) || attempt >= attempts || options.signal?.aborted) {
					return {csc, state: 'failed', error};
				}

				if (error.code === 'RATE_LIMITED') {
					limiter.shrink();
				}

				const backoff = error.context.retryAfter === undefined ? 250 * 2 ** (attempt - 1) * (1 + Math.random() / 2) : error.context.retryAfter * 1000;
				await sleep(Math.min(backoff, 60_000), options.signal);
			}
		}
	};

	return Promise.all(cscs.map(async csc => {
		const result = await probe(csc);
		options.onResult?.(result);
		return result;
	}));
}
