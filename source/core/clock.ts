/**
 * Time as a dependency: backoff, Retry-After and speed windows read the clock through this, so
 * tests run with fake time instead of waiting.
 */
import {setTimeout as delay} from 'node:timers/promises';

export type Clock = {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Resolves after `ms`; rejects when the signal aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => delay(ms, undefined, {signal}),
};
