/**
 * Speed, ETA and counters for one transfer. Speed is bytes over a sliding 10-second window (a
 * lifetime average lies after a stall; an instant rate jitters); the ETA is clamped so a crawl
 * shows "a long time", not a number of years.
 */
import type {Clock} from '../clock.js';

export type TransferPhase = 'downloading' | 'verifying' | 'done';

export type TransferProgress = {
	phase: TransferPhase;
	bytesDone: number;
	bytesTotal: number;
	/** Bytes per second over the last 10 seconds. */
	bytesPerSecond: number;
	/** Seconds left at the current speed; undefined while the speed is unknown. */
	etaSeconds: number | undefined;
	/** Connections moving bytes right now. */
	connections: number;
	retries: number;
	stalls: number;
	renewals: number;
};

export const speedWindowMs = 10_000;
export const maxEtaSeconds = 99 * 3600;

export class TransferStatistics {
	/** Bytes added at each moment within the last window. */
	#samples: Array<{at: number; bytes: number}> = [];
	#windowBytes = 0;
	readonly #startedAt: number;
	bytesDone: number;
	connections = 0;
	retries = 0;
	stalls = 0;
	renewals = 0;
	phase: TransferPhase = 'downloading';

	constructor(private readonly clock: Clock, readonly bytesTotal: number, bytesDone = 0) {
		this.bytesDone = bytesDone;
		this.#startedAt = clock.now();
	}

	add(bytes: number): void {
		this.bytesDone += bytes;
		this.#samples.push({at: this.clock.now(), bytes});
		this.#windowBytes += bytes;
		this.#trim();
	}

	#trim(): void {
		const from = this.clock.now() - speedWindowMs;
		while (this.#samples.length > 0 && this.#samples[0]!.at <= from) {
			this.#windowBytes -= this.#samples.shift()!.bytes;
		}
	}

	speed(): number {
		this.#trim();
		const seconds = Math.min(speedWindowMs, this.clock.now() - this.#startedAt) / 1000;
		return seconds > 0 ? this.#windowBytes / seconds : 0;
	}

	snapshot(): TransferProgress {
		const bytesPerSecond = this.speed();
		const left = this.bytesTotal - this.bytesDone;
		const etaSeconds = left <= 0 ? 0 : bytesPerSecond > 0 ? Math.min(maxEtaSeconds, Math.ceil(left / bytesPerSecond)) : undefined;
		return {
			phase: this.phase,
			bytesDone: this.bytesDone,
			bytesTotal: this.bytesTotal,
			bytesPerSecond,
			etaSeconds,
			connections: this.connections,
			retries: this.retries,
			stalls: this.stalls,
			renewals: this.renewals,
		};
	}
}

/** Receives progress; called often, must be cheap. */
export type ProgressSink = (progress: TransferProgress) => void;

export const noProgress: ProgressSink = () => {};
