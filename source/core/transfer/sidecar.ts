/**
 * The small state file beside `<final name>.part`: which ranges are on disk (with the CRC32 of
 * their encrypted bytes) and which remote file they belong to. Written atomically at every
 * checkpoint, so a killed process loses at most one checkpoint interval of work.
 *
 * Durability: the sidecar is not preceded by an fsync of the part file. A killed process loses
 * nothing (its writes are in the page cache); a power cut may leave ranges claimed that never
 * reached the disk, which the .tar.md5 verification at the end then reports. Syncing gigabytes
 * every second would cost more than that rare re-download.
 */
import {readFile} from 'node:fs/promises';
import {writeFileAtomic} from '../store/atomic-write.js';
import type {DoneRange} from './range-set.js';
import type {RemoteFile} from './types.js';

export type SidecarState = {
	format: 1;
	binaryName: string;
	size: number;
	crc32?: number | undefined;
	version: string;
	keepEncrypted: boolean;
	done: DoneRange[];
	updatedAt: string;
};

export const sidecarPathFor = (partPath: string) => `${partPath}.json`;

export async function writeSidecar(path: string, state: SidecarState): Promise<void> {
	await writeFileAtomic(path, JSON.stringify(state) + '\n', {mode: 0o600});
}

/** The saved state when it belongs to this remote file and is sound, else undefined (start clean). */
export async function readSidecar(path: string, remote: RemoteFile, keepEncrypted: boolean): Promise<SidecarState | undefined> {
	let state: SidecarState;
	try {
		state = JSON.parse(await readFile(path, 'utf8')) as SidecarState;
	} catch {
		return undefined;
	}

	const same = state?.format === 1
		&& state.binaryName === remote.binaryName
		&& state.size === remote.size
		&& state.version === remote.version
		&& state.crc32 === remote.crc32
		&& state.keepEncrypted === keepEncrypted
		&& Array.isArray(state.done);
	return same && rangesAreSound(state.done, remote.size) ? state : undefined;
}

function rangesAreSound(ranges: DoneRange[], size: number): boolean {
	let cursor = 0;
	for (const r of ranges) {
		const ok = Number.isSafeInteger(r?.start) && Number.isSafeInteger(r.end) && Number.isInteger(r.crc)
			&& r.start >= cursor && r.end > r.start && r.end <= size && r.start % 16 === 0 && r.end % 16 === 0
			&& r.crc >= 0 && r.crc <= 0xffff_ffff;
		if (!ok) {
			return false;
		}

		cursor = r.end;
	}

	return true;
}
