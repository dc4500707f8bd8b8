/**
 * JSON files that are never half-written: write a temporary file beside the target (mode 0600),
 * flush it, then rename over the target. A crash leaves either the old or the new content.
 */
import {mkdir, readFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {writeFileAtomic} from './atomic-write.js';

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
	// Serialised first: a value that cannot be written must not leave a temporary file behind.
	const text = JSON.stringify(value, null, '\t') + '\n';
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	await writeFileAtomic(path, text, {mode: 0o600, durable: true});
}

/** The parsed file, or undefined when it does not exist or is not valid JSON (a cache can be rebuilt). */
export async function readJsonIfValid(path: string): Promise<unknown> {
	try {
		return JSON.parse(await readFile(path, 'utf8')) as unknown;
	} catch {
		return undefined;
	}
}
