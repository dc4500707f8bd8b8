/**
 * 4. Peak RSS of fusdeck with 3 concurrent big jobs, at two sizes: memory must stay under the goal
 *    and must not grow with the file size (the engine streams; nothing holds a file in memory).
 */
import {execFile} from 'node:child_process';
import {rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {startEmulator} from '../../source/emulator/server.js';
import {benchBytes, scratchDir} from '../bench-files.js';
import {ratioOf, type BenchFigure, type BenchSection} from '../report.js';

const child = fileURLToPath(new URL('../rss-child.js', import.meta.url));
const jobs = [{model: 'SM-S918B', csc: 'EUX'}, {model: 'SM-S918B', csc: 'XEF'}, {model: 'SM-S918B', csc: 'DBT'}];
const goalBytes = 200 * 1e6;

async function peakRss(bytes: number): Promise<number> {
	const scratch = await scratchDir();
	const emulator = await startEmulator({firmwareSize: bytes});
	try {
		await Promise.all(jobs.map(async job => emulator.firmware(job.model, job.csc)));
		const {stdout} = await promisify(execFile)(process.execPath, [child, JSON.stringify({url: emulator.url, destDir: scratch.dir, jobs, connections: 4})], {maxBuffer: 1 << 20});
		const report = JSON.parse(stdout) as {maxRssBytes: number; failed: string[]; paths: string[]};
		if (report.failed.length > 0) {
			throw new Error(`jobs failed: ${report.failed.join('; ')}`);
		}

		await Promise.all(report.paths.map(async path => rm(path, {force: true})));
		return report.maxRssBytes;
	} finally {
		await emulator.close();
		await scratch.remove();
	}
}

export const memorySection: BenchSection = {
	title: 'Peak RSS with 3 concurrent jobs (fusdeck in its own process)',
	async run(): Promise<BenchFigure[]> {
		const big = benchBytes(2048);
		const small = Math.max(16 * 2 ** 20, Math.floor(big / 2));
		const smallRss = await peakRss(small);
		const bigRss = await peakRss(big);
		const mb = (value: number) => value / 1e6;
		return [
			{name: `3 jobs of ${(small / 2 ** 30).toFixed(2)} GiB`, value: mb(smallRss), unit: 'MB', goal: '<= 200 MB', met: smallRss <= goalBytes},
			{name: `3 jobs of ${(big / 2 ** 30).toFixed(2)} GiB`, value: mb(bigRss), unit: 'MB', baseline: {name: 'half the size', value: mb(smallRss)}, ratio: ratioOf(bigRss, smallRss, false), goal: '<= 200 MB and no growth with size', met: bigRss <= goalBytes && bigRss <= smallRss * 1.25},
		];
	},
};
