/**
 * One process at a time owns the queue file: the workstation and a scripted `fusdeck download`
 * would otherwise overwrite each other's jobs. The lock is a file beside the queue holding the
 * owner's pid; a lock whose process is gone (killed, crashed) is stale and taken over.
 */
import {mkdir, open, readFile, rm} from 'node:fs/promises';
import {dirname} from 'node:path';

export type QueueLock = {path: string; release(): Promise<void>};

export type LockResult = {lock: QueueLock; heldBy?: undefined} | {lock?: undefined; heldBy: number};

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock of `queuePath`, or says which live process holds it. */
export async function lockQueue(queuePath: string, pid = process.pid): Promise<LockResult> {
	const path = `${queuePath}.lock`;
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const handle = await open(path, 'wx', 0o600);
			await handle.writeFile(`${pid}\n`);
			await handle.close();
			return {lock: {path, release: async () => rm(path, {force: true})}};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}

		const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
		if (Number.isSafeInteger(owner) && owner > 0 && owner !== pid && isAlive(owner)) {
			return {heldBy: owner};
		}

		// Stale (or unreadable, or our own pid from a previous life): remove and try again.
		await rm(path, {force: true});
	}

	throw new Error(`cannot take the queue lock ${path}`);
}
