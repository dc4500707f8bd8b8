import {crc32Combine} from './crc32-combine.js';

/** A run of bytes [start, end) that is on disk, with the CRC32 of its encrypted bytes. */
export type DoneRange = {start: number; end: number; crc: number};

/**
 * The ranges of the file already written, kept sorted and merged: two ranges that meet become one,
 * their CRCs combined, so a finished file is exactly one range whose CRC is the file's.
 */
export class RangeSet {
	#ranges: DoneRange[] = [];

	constructor(ranges: readonly DoneRange[] = []) {
		for (const range of ranges) {
			this.add(range);
		}
	}

	add(range: DoneRange): void {
		if (range.end <= range.start) {
			return;
		}

		const list = this.#ranges;
		let index = list.findIndex(r => r.start >= range.end);
		if (index === -1) {
			index = list.length;
		}

		const before = list[index - 1];
		if (before && before.end > range.start) {
			throw new RangeError(`range ${range.start}-${range.end} overlaps ${before.start}-${before.end}`);
		}

		let merged = {...range};
		let removeFrom = index;
		let removeCount = 0;
		if (before && before.end === range.start) {
			merged = {start: before.start, end: range.end, crc: crc32Combine(before.crc, range.crc, range.end - range.start)};
			removeFrom = index - 1;
			removeCount = 1;
		}

		const after = list[index];
		if (after && after.start === merged.end) {
			merged = {start: merged.start, end: after.end, crc: crc32Combine(merged.crc, after.crc, after.end - after.start)};
			removeCount++;
		}

		list.splice(removeFrom, removeCount, merged);
	}

	get ranges(): readonly DoneRange[] {
		return this.#ranges;
	}

	get bytes(): number {
		return this.#ranges.reduce((sum, r) => sum + r.end - r.start, 0);
	}

	/** The gaps in [0, size): what is left to fetch. */
	missing(size: number): Array<{start: number; end: number}> {
		const gaps: Array<{start: number; end: number}> = [];
		let cursor = 0;
		for (const r of this.#ranges) {
			if (r.start > cursor) {
				gaps.push({start: cursor, end: r.start});
			}

			cursor = r.end;
		}

		if (cursor < size) {
			gaps.push({start: cursor, end: size});
		}

		return gaps;
	}

	/** The CRC of [0, size) when the set covers exactly that, else undefined. */
	wholeCrc(size: number): number | undefined {
		const only = this.#ranges[0];
		return this.#ranges.length === 1 && only && only.start === 0 && only.end === size ? only.crc : undefined;
	}
}
