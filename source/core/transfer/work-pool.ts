/**
 * Hands out pieces of the file to connections. Pieces are at most `maxLeaseBytes` so that work
 * spreads out; when nothing is left to hand out, an idle connection takes the far half of the
 * largest piece still in progress (work stealing), so a slow or stalled connection does not hold
 * the tail of the download hostage. Every boundary is a multiple of 16 (one AES block).
 */

export type Lease = {
	readonly start: number;
	/** End (exclusive); a thief may lower it while the lease runs. */
	end: number;
	/** Bytes [start, pos) are written to disk. */
	pos: number;
	/** CRC32 of the encrypted bytes [start, pos). */
	crc: number;
};

export type WorkPoolOptions = {maxLeaseBytes: number; minSplitBytes: number};

const align = (n: number) => n - (n % 16);

export class WorkPool {
	readonly #pending: Array<{start: number; end: number}>;
	readonly #active = new Set<Lease>();
	readonly #options: WorkPoolOptions;

	constructor(missing: ReadonlyArray<{start: number; end: number}>, options: WorkPoolOptions) {
		this.#pending = missing.map(r => ({...r}));
		this.#options = {maxLeaseBytes: align(Math.max(16, options.maxLeaseBytes)), minSplitBytes: Math.max(16, options.minSplitBytes)};
	}

	get active(): ReadonlySet<Lease> {
		return this.#active;
	}

	/** The next piece of work, or undefined when everything is done or in good hands. */
	take(): Lease | undefined {
		const next = this.#pending[0];
		if (!next) {
			return this.#steal();
		}

		const start = next.start;
		const end = Math.min(next.end, start + this.#options.maxLeaseBytes);
		if (end === next.end) {
			this.#pending.shift();
		} else {
			next.start = end;
		}

		return this.#lease({start, end});
	}

	#lease(range: {start: number; end: number}): Lease {
		const lease: Lease = {start: range.start, end: range.end, pos: range.start, crc: 0};
		this.#active.add(lease);
		return lease;
	}

	#steal(): Lease | undefined {
		let victim: Lease | undefined;
		for (const lease of this.#active) {
			if (!victim || lease.end - lease.pos > victim.end - victim.pos) {
				victim = lease;
			}
		}

		if (!victim || victim.end - victim.pos < 2 * this.#options.minSplitBytes) {
			return undefined;
		}

		const split = align(victim.pos + Math.floor((victim.end - victim.pos) / 2));
		const stolen = {start: split, end: victim.end};
		victim.end = split;
		return this.#lease(stolen);
	}

	/** The lease stops; what it did not write goes back to the pool for another connection. */
	release(lease: Lease): void {
		this.#active.delete(lease);
		if (lease.pos < lease.end) {
			this.#pending.push({start: lease.pos, end: lease.end});
			this.#pending.sort((a, b) => a.start - b.start);
		}
	}
}
