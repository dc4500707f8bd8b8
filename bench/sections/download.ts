/**
 * 2. `fusdeck download` (download + decrypt + CRC32 + every .tar.md5 member) of a big firmware vs
 *    curl fetching the same encrypted bytes to the same disk (curl neither decrypts nor verifies).
 * 3. With the emulator capping each connection, 4 connections vs 1.
 */
import {readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {startEmulator} from '../../source/emulator/server.js';
import {benchBytes, megabytesPerSecond, scratchDir, settleDisk, timeProgram, warmPageCache} from '../bench-files.js';
import {authorisedRequest, timeCurl, timeFusdeck} from '../emulator-download.js';
import {ratioOf, type BenchFigure, type BenchSection} from '../report.js';

async function removeZips(dir: string): Promise<void> {
	const names = await readdir(dir);
	if (!names.some(name => name.endsWith('.zip'))) {
		throw new Error(`fusdeck download left no zip in ${dir}: ${names.join(', ')}`);
	}

	await Promise.all(names.map(async name => rm(join(dir, name), {recursive: true, force: true})));
}

export const downloadSection: BenchSection = {
	title: 'fusdeck download (decrypt + verify) vs curl (same bytes, same disk, loopback emulator)',
	async run(): Promise<BenchFigure[]> {
		const bytes = benchBytes(2048);
		const scratch = await scratchDir();
		const emulator = await startEmulator({firmwareSize: bytes});
		try {
			const firmware = await emulator.firmware('SM-S918B', 'EUX');
			let ours = Infinity;
			let curl = Infinity;
			// Best of three, taking turns: on a shared VM both figures drift by tens of percent from
			// minute to minute, and the best of each is the closest to what the program can do.
			for (let round = 0; round < 3; round++) {
				await settleDisk();
				await warmPageCache(firmware.encryptedPath);
				ours = Math.min(ours, await timeFusdeck(emulator, 'SM-S918B', 'EUX', scratch.dir, 4));
				await removeZips(scratch.dir);
				await settleDisk();
				await warmPageCache(firmware.encryptedPath);
				const output = join(scratch.dir, 'curl.enc4');
				const request = await authorisedRequest(emulator, 'SM-S918B', 'EUX');
				// fusdeck flushes the file to disk before it names it done (a crash must not leave a
				// truncated file under the final name); curl + sync gives the bytes the same durability.
				curl = Math.min(curl, await timeCurl(request, output) + await timeProgram('sync', []));
				await rm(output);
			}

			const value = megabytesPerSecond(firmware.encryptedSize, ours);
			const baseline = megabytesPerSecond(firmware.encryptedSize, curl);
			const ratio = ratioOf(value, baseline);
			return [{name: `${(firmware.encryptedSize / 2 ** 30).toFixed(2)} GiB, 4 connections, decrypted and verified`, value, unit: 'MB/s', baseline: {name: 'curl + sync', value: baseline}, ratio, goal: '>= 0.8', met: ratio >= 0.8}];
		} finally {
			await emulator.close();
			await scratch.remove();
		}
	},
};

export const connectionsSection: BenchSection = {
	title: 'Throttled server (20 MB/s per connection): fusdeck download with 4 connections vs 1',
	async run(): Promise<BenchFigure[]> {
		// Firmware is 3–12 GB; at 1 GiB, process start, inform and the final flush weigh about as little as they do there.
		const bytes = Math.max(benchBytes(1024), 512 * 2 ** 20);
		const scratch = await scratchDir();
		const emulator = await startEmulator({firmwareSize: bytes, faults: {bandwidthPerConnection: 20_000_000}});
		try {
			const firmware = await emulator.firmware('SM-S918B', 'XEF');
			const one = await timeFusdeck(emulator, 'SM-S918B', 'XEF', scratch.dir, 1);
			await removeZips(scratch.dir);
			const four = await timeFusdeck(emulator, 'SM-S918B', 'XEF', scratch.dir, 4);
			await removeZips(scratch.dir);
			const value = megabytesPerSecond(firmware.encryptedSize, four);
			const baseline = megabytesPerSecond(firmware.encryptedSize, one);
			const ratio = ratioOf(value, baseline);
			return [{name: `${(firmware.encryptedSize / 1e6).toFixed(0)} MB, 4 connections`, value, unit: 'MB/s', baseline: {name: '1 connection', value: baseline}, ratio, goal: '>= 3.5x', met: ratio >= 3.5}];
		} finally {
			await emulator.close();
			await scratch.remove();
		}
	},
};
