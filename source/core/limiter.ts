/**
 * A concurrency limit that can shrink and grow while work runs: region probes back off when the
 * server says 429 and creep back up while it answers.
 */
export class AdaptiveLimiter {
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private current: number;
	private readonly max: number;

	constructor(limit: number) {
		this.max = Math.max(1, Math.floor(limit));
		this.current = this.max;
	}

	get limit(): number {
		return this.current;
	}

	/** Halve the limit (never below 1), after a rate-limit answer. */
	shrink(): void {
		this.current = Math.max(1, Math.floor(this.current / 2));
	}

	/** One step back towards the configured limit, after a success. */
	grow(): void {
		if (this.current < this.max) {
			this.current++;
			this.wake();
		}
	}

	async run<T>(task: () => Promise<T>): Promise<T> {
		while (this.active >= this.current) {
			await new Promise<void>(resolve => this.waiting.push(resolve));
		}

		this.active++;
		try {
			return await task();
		} finally {
			this.active--;
			this.wake();
		}
	}

	/** Wakes one waiter per free slot; a woken task re-checks the limit, so over-waking is harmless. */
	private wake(): void {
		for (let free = this.current - this.active; free > 0 && this.waiting.length > 0; free--) {
			this.waiting.shift()!();
		}
	}
}
