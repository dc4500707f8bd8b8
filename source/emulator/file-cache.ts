/**
 * A folder of generated files reused across runs: `<name><ext>` and `<name>.json` beside it. A file
 * is reused when its JSON says how big it must be and it is that big; otherwise it is made again,
 * into a temporary name and renamed, so that a crash or a parallel process never leaves a half file
 * under the real name (two processes making the same file write the same bytes, so either rename wins).
 */
import {randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import {join} from 'node:path';

export type CachedFile<T> = {path: string; meta: T};

async function reusable<T extends {fileSize: number}>(path: string, metaPath: string): Promise<T | undefined> {
	try {
		const meta = JSON.parse(await readFile(metaPath, 'utf8')) as T;
		return (await stat(path)).size === meta.fileSize ? meta : undefined;
	} catch {
		return undefined;
	}
}

export async function cachedFile<T extends {fileSize: number}>(dir: string, name: string, extension: string, make: (path: string) => Promise<T>): Promise<CachedFile<T>> {
	const path = join(dir, name + extension);
	const metaPath = join(dir, `${name}.json`);
	const existing = await reusable<T>(path, metaPath);
	if (existing) {
		return {path, meta: existing};
	}

	await mkdir(dir, {recursive: true});
	const suffix = `${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
	const temporary = `${path}.${suffix}`;
	try {
		const meta = await make(temporary);
		await rename(temporary, path);
		await writeFile(`${metaPath}.${suffix}`, JSON.stringify(meta, undefined, '\t'));
		await rename(`${metaPath}.${suffix}`, metaPath);
		return {path, meta};
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}
