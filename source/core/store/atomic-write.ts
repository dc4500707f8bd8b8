import {randomBytes} from 'node:crypto';
import {open, rename, rm} from 'node:fs/promises';

let counter = 0;
const nonce = randomBytes(4).toString('hex');

/**
 * Writes a whole file so that readers see the old or the new content, never half of either: a
 * temp file beside the target (same file system, so rename is atomic), flushed, then renamed.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: {mode?: number; durable?: boolean} = {}): Promise<void> {
	const temporary = `${path}.${process.pid}.${nonce}${++counter}.tmp`;
	try {
		// 'wx': never write into a temporary file that someone else has open; only ours is cleaned up.
		const handle = await open(temporary, 'wx', options.mode ?? 0o600);
		try {
			await handle.writeFile(data);
			if (options.durable) {
				await handle.datasync();
			}

			if (options.mode !== undefined) {
				// The mode given to open() is masked by the umask; the config folder promises 0600 exactly.
				await handle.chmod(options.mode);
			}
		} finally {
			await handle.close();
		}

		await rename(temporary, path);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}
