/** A pass-through stream that paces bytes through a token bucket (the per-connection bandwidth cap). */
import {Transform} from 'node:stream';
import {setTimeout as sleep} from 'node:timers/promises';
import type {TokenBucket} from './token-bucket.js';

export function throttle(bucket: TokenBucket): Transform {
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			// Slices no bigger than the burst keep the pace even when the reader hands over megabytes.
			const slice = Math.min(64 * 1024, Math.floor(bucket.capacity));
			const pace = async () => {
				for (let offset = 0; offset < chunk.length; offset += slice) {
					const part = chunk.subarray(offset, offset + slice);
					const wait = bucket.take(part.length);
					if (wait > 0) {
						await sleep(wait);
					}

					// The client may have gone while we waited.
					if (this.destroyed) {
						return;
					}

					this.push(part);
				}
			};

			pace().then(() => {
				callback();
			}, callback);
		},
	});
}
