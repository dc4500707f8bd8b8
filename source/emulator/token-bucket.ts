/**
 * A token bucket in bytes: tokens accrue at `rate` per second up to a burst of 50 ms worth, and a
 * taker may overdraw, then waits the debt off. Waits are computed from the clock, not summed from
 * timers, so timer lateness does not pile up into a slower rate than asked.
 */
export class TokenBucket {
	private tokens: number;
	private last: number;

	constructor(private rateValue: number, private readonly now: () => number = () => performance.now()) {
		this.tokens = this.capacity;
		this.last = now();
	}

	get rate(): number {
		return this.rateValue;
	}

	/** A new rate applies from now on (the fault can change while a download runs). */
	set rate(bytesPerSecond: number) {
		this.refill();
		this.rateValue = bytesPerSecond;
	}

	/** The largest burst: small enough that a short measurement sees the cap, large enough for few timers. */
	get capacity(): number {
		return Math.max(16 * 1024, this.rateValue / 20);
	}

	/** Takes `bytes` tokens; returns how many milliseconds to wait before sending them. */
	take(bytes: number): number {
		this.refill();
		this.tokens -= bytes;
		return this.tokens >= 0 ? 0 : (-this.tokens / this.rateValue) * 1000;
	}

	private refill(): void {
		const now = this.now();
		this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rateValue);
		this.last = now;
	}
}
