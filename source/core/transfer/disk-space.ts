import {statfs} from 'node:fs/promises';
import {TransferError} from '../errors.js';

export type FreeSpace = (directory: string) => Promise<number>;

export const freeSpaceOf: FreeSpace = async directory => {
	const stats = await statfs(directory);
	return stats.bavail * stats.bsize;
};

const mb = (bytes: number) => `${Math.ceil(bytes / 1e6)} MB`;

/** Refuses to start a download that cannot fit, before a single byte is fetched. */
export async function ensureFreeSpace(directory: string, needed: number, freeSpace: FreeSpace): Promise<void> {
	const free = await freeSpace(directory);
	if (free < needed) {
		throw new TransferError('DISK_FULL', `Not enough free space in ${directory}: the download needs ${mb(needed)} more, ${mb(free)} are free; free some space or choose another folder with --out`, {stage: 'disk', path: directory});
	}
}
