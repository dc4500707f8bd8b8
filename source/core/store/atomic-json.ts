/**
 * JSON files that are never half-written: write a temporary file beside the target (mode 0600),
 * flush it, then rename over the target. A crash leaves either the old or the new content.
 */
import {randomBytes} from 'node:crypto';
import {mkdir, open, readFile, rename, rm} from 'node:fs/promises';
import {dirname} from 'node:path';

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
	// Serialised first: a value that cannot be written must not leave a temporary file behind.
	const text = JSON.stringify(value, null, '\t') + '\n';
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
	// 'wx': never write into a temporary file another writer has open; only ours is cleaned up.
	const handle = await open(temporary, 'wx', 0o600);
	try {
		try {
			await handle.writeFile(text);
			await handle.sync();
		} finally {
			await handle.close();
		}

		await rename(temporary, path);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}

/** The parsed file, or undefined when it does not exist or is not valid JSON (a cache can be rebuilt). */
export async function readJsonIfValid(path: string): Promise<unknown> {
	try {
		return JSON.parse(await readFile(path, 'utf8')) as unknown;
	} catch {
		return undefined;
	}
}
