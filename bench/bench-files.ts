/** Scratch files for the benchmarks: one folder per run, removed at the end. Sizes via FUSDECK_BENCH_MB. */
import {spawn} from 'node:child_process';
import {createCipheriv, randomBytes} from 'node:crypto';
import {createWriteStream} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';

export const mebibyte = 1024 * 1024;

/** The size of the big files: 2 GiB by default as the issue asks; `FUSDECK_BENCH_MB=256` for a quick look. */
export function benchBytes(defaultMb: number): number {
	const mb = Number(process.env['FUSDECK_BENCH_MB'] ?? defaultMb);
	return Math.max(16, Math.floor(Number.isFinite(mb) ? mb : defaultMb)) * mebibyte;
}

export async function scratchDir(): Promise<{dir: string; remove(): Promise<void>}> {
	const dir = await mkdtemp(join(process.env['FUSDECK_BENCH_DIR'] ?? tmpdir(), 'fusdeck-bench-'));
	return {dir, remove: async () => rm(dir, {recursive: true, force: true})};
}

/** `bytes` of AES-CTR keystream: incompressible and fast to make, which is all a decryption timing needs. */
export async function writeNoise(path: string, bytes: number): Promise<void> {
	const cipher = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
	const zeros = Buffer.alloc(mebibyte);
	let left = bytes;
	const chunks = Readable.from((function * () {
		while (left > 0) {
			const size = Math.min(left, zeros.length);
			left -= size;
			yield cipher.update(zeros.subarray(0, size));
		}
	})());
	await pipeline(chunks, createWriteStream(path));
}

/** Runs a program, resolves with its wall time in milliseconds; rejects when it fails. */
export async function timeProgram(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
	const start = performance.now();
	await new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, ...env}});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on('error', reject);
		child.on('exit', code => code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`)));
	});
	return performance.now() - start;
}

/** Drops the written files from the page cache's dirty set so the next timing does not pay for the last one's writeback. */
export async function settleDisk(): Promise<void> {
	await timeProgram('sync', []);
}

export const megabytesPerSecond = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

/**
 * Reads a file through so it sits in the page cache. This VM runs DAMON's proactive reclaim, which
 * pages out file cache left untouched for about a minute: without this, whichever program goes first
 * after a pause pays for the emulator's file coming back from disk (seen in `vmstat` as 40–60 MB/s
 * of reads during a timed download), and the comparison measures the disk instead of the program.
 */
export async function warmPageCache(path: string): Promise<void> {
	await timeProgram('cat', [path]);
}

