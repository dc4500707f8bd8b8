import {createHash} from 'node:crypto';
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {downloadFile, type DownloadOptions} from '../../source/core/transfer/download-file.js';
import {FakeClock} from './fake-clock.js';
import {FaultServer} from './fault-server.js';
import {makeFirmware, type Firmware} from './firmware-fixture.js';
import {HttpSource} from './http-source.js';

export type Harness = {
	dir: string;
	firmware: Firmware;
	server: FaultServer;
	source: HttpSource;
	clock: FakeClock;
	download(options?: Partial<DownloadOptions>): ReturnType<typeof downloadFile>;
	files(): Promise<string[]>;
	close(): Promise<void>;
};

export async function sha256File(path: string): Promise<string> {
	return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** A temp folder, a firmware file served by a fault server, and a source for it. */
export async function startHarness(options: Parameters<typeof makeFirmware>[0] = {}): Promise<Harness> {
	const dir = await mkdtemp(join(tmpdir(), 'fusdeck-dl-'));
	const firmware = makeFirmware(options);
	const server = await FaultServer.start(firmware.encrypted);
	const source = new HttpSource(server.url);
	const clock = new FakeClock();
	return {
		dir,
		firmware,
		server,
		source,
		clock,
		download: async (overrides = {}) => downloadFile({
			source,
			remote: firmware.remote,
			destDir: dir,
			connections: 4,
			clock,
			maxLeaseBytes: 256 * 1024,
			retry: {random: () => 0.5},
			...overrides,
		}),
		files: async () => (await readdir(dir)).sort(),
		async close() {
			await source.close();
			await server.close();
			await rm(dir, {recursive: true, force: true});
		},
	};
}

/** Polls a condition that another process or timer makes true; fails after `timeoutMs`. */
/** Runs `run` against a fresh harness and always closes it. */
export async function withHarness(run: (h: Harness) => Promise<void>, options?: Parameters<typeof startHarness>[0]): Promise<void> {
	const harness = await startHarness(options);
	try {
		await run(harness);
	} finally {
		await harness.close();
	}
}

export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/** Bytes a download's sidecar says are on disk (0 while there is no readable sidecar). */
export async function checkpointedBytes(sidecar: string): Promise<number> {
	try {
		const state = JSON.parse(await readFile(sidecar, 'utf8')) as {done: Array<{start: number; end: number}>};
		return state.done.reduce((sum, range) => sum + range.end - range.start, 0);
	} catch {
		return 0;
	}
}
