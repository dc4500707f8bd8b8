import type {DownloadSource} from './types.js';

/**
 * One renewal for many 401s. Each request remembers the generation it was sent under; a 401 from
 * an older generation means someone already renewed, so it just goes again. A 401 from the current
 * generation starts a renewal, or joins the one in flight.
 */
export class AuthGate {
	#generation = 0;
	#inflight: Promise<void> | undefined;
	renewals = 0;

	constructor(private readonly source: DownloadSource) {}

	get generation(): number {
		return this.#generation;
	}

	async renew(seenGeneration: number): Promise<void> {
		if (seenGeneration !== this.#generation) {
			return;
		}

		this.#inflight ??= this.source.renew().then(
			() => {
				this.#generation++;
				this.renewals++;
			},
		).finally(() => {
			this.#inflight = undefined;
		});
		await this.#inflight;
	}
}
