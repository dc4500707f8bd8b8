/**
 * Decryption alone: fusdeck's streaming AES-128-ECB (the code `fusdeck decrypt` uses), in a process
 * of its own, against `openssl enc -d -aes-128-ecb -nopad` on the same file, same disk.
 * Each side runs four times, taking turns to go first, and the best run counts, so the page cache favours neither.
 */
import {randomBytes} from 'node:crypto';
import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ratioOf, type BenchFigure, type BenchSection} from '../report.js';

const child = fileURLToPath(new URL('../decrypt-child.js', import.meta.url));
import {benchBytes, megabytesPerSecond, scratchDir, settleDisk, timeProgram, writeNoise} from '../bench-files.js';

export const decryptSection: BenchSection = {
	title: 'Decryption alone vs openssl enc -d -aes-128-ecb',
	async run(): Promise<BenchFigure[]> {
		const bytes = benchBytes(2048);
		const scratch = await scratchDir();
		try {
			const input = join(scratch.dir, 'fw.zip.enc4');
			const output = join(scratch.dir, 'out.zip');
			await writeNoise(input, bytes);
			const key = randomBytes(16);
			let ours = Infinity;
			let openssl = Infinity;
			const timeOurs = async () => timeProgram(process.execPath, [child, input, output, key.toString('hex')]);

			const timeOpenssl = async () => timeProgram('openssl', ['enc', '-d', '-aes-128-ecb', '-nopad', '-K', key.toString('hex'), '-in', input, '-out', output]);
			for (let round = 0; round < 4; round++) {
				// Who goes first alternates: the disk's state after a run must not favour one side.
				for (const side of round % 2 === 0 ? ['ours', 'openssl'] : ['openssl', 'ours']) {
					await rm(output, {force: true});
					await settleDisk();
					if (side === 'ours') {
						ours = Math.min(ours, await timeOurs());
					} else {
						openssl = Math.min(openssl, await timeOpenssl());
					}
				}
			}

			await rm(output, {force: true});
			const value = megabytesPerSecond(bytes, ours);
			const baseline = megabytesPerSecond(bytes, openssl);
			const ratio = ratioOf(value, baseline);
			return [{name: `decrypt ${bytes / 2 ** 20} MiB`, value, unit: 'MB/s', baseline: {name: 'openssl', value: baseline}, ratio, goal: '>= 0.9', met: ratio >= 0.9}];
		} finally {
			await scratch.remove();
		}
	},
};
