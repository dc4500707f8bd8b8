import type {Clock} from '../../source/core/clock.js';

/** Time that moves only when someone sleeps: sleeps resolve at once and are recorded. */
export class FakeClock implements Clock {
	sleeps: number[] = [];

	constructor(public time = Date.UTC(2026, 0, 1)) {}

	now(): number {
		return this.time;
	}

	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		signal?.throwIfAborted();
		this.sleeps.push(ms);
		this.time += ms;
		await Promise.resolve();
	}
}
