import type {Clock} from '../clock.js';

/**
 * Calls `emit` at most once per interval for frequent signals (progress), while urgent signals
 * (state changes) go out on the next microtask. A trailing call makes sure the last update is seen.
 */
export class Coalescer {
	#lastAt = Number.NEGATIVE_INFINITY;
	#trailing: NodeJS.Timeout | undefined;
	#microtask = false;

	constructor(private readonly clock: Clock, private readonly intervalMs: number, private readonly emit: () => void) {}

	urgent(): void {
		if (this.#microtask) {
			return;
		}

		this.#microtask = true;
		queueMicrotask(() => {
			this.#microtask = false;
			this.#fire();
		});
	}

	frequent(): void {
		if (this.#trailing || this.#microtask) {
			return;
		}

		const wait = this.#lastAt + this.intervalMs - this.clock.now();
		if (wait <= 0) {
			this.#fire();
			return;
		}

		// Not unref'd: the last progress update must reach the UI even when nothing else is pending.
		this.#trailing = setTimeout(() => this.#fire(), wait);
	}

	#fire(): void {
		clearTimeout(this.#trailing);
		this.#trailing = undefined;
		this.#lastAt = this.clock.now();
		this.emit();
	}

	dispose(): void {
		clearTimeout(this.#trailing);
		this.#trailing = undefined;
	}
}
