import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Runs `run` with a fresh temporary folder (`fusdeck-<label>-…`), removed afterwards whatever happens. */
export async function withTempDir(label: string, run: (dir: string) => Promise<void>): Promise<void> {
	const dir = await mkdtemp(join(tmpdir(), `fusdeck-${label}-`));
	try {
		await run(dir);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}
