/**
 * The emulator's download host (curl to /dev/null over loopback, 1 and 4 connections) vs the loopback
 * ceiling of the same machine: a bare HTTP server that sends one buffer from memory again and again,
 * with no file, no Range bookkeeping and no authorisation. The ratio says how much of what the
 * machine can move the emulator leaves on the table; the goal, in MB/s, whether it can be a bottleneck.
 */
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {startEmulator} from '../../source/emulator/server.js';
import {parseRange} from '../../source/emulator/range.js';
import {benchBytes, megabytesPerSecond, timeProgram, warmPageCache} from '../bench-files.js';
import {authorisedRequest, curlArgs, type AuthorisedRequest} from '../emulator-download.js';
import {ratioOf, type BenchFigure, type BenchSection} from '../report.js';

/** The cheapest sender there is: the same 1 MiB from memory until the range is served. */
async function startCeilingServer(size: number): Promise<{url: string; close(): Promise<void>}> {
	const block = Buffer.alloc(1024 * 1024, 0x5a);
	const server: Server = createServer(async (request, response) => {
		const range = parseRange(request.headers.range, size);
		const {start, end} = range && range !== 'invalid' ? range : {start: 0, end: size - 1};
		response.writeHead(range ? 206 : 200, {'content-length': String(end - start + 1)});
		for (let left = end - start + 1; left > 0 && !response.destroyed;) {
			const piece = block.subarray(0, Math.min(block.length, left));
			left -= piece.length;
			if (!response.write(piece)) {
				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => response.once('drain', resolve));
			}
		}

		response.end();
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
		close: async () => new Promise(resolve => server.close(() => resolve())),
	};
}

/** `connections` curls in parallel, each fetching its share of `size` bytes to /dev/null; wall milliseconds. */
async function timeParallelCurl(request: AuthorisedRequest, size: number, connections: number): Promise<number> {
	const share = Math.ceil(size / connections);
	const start = performance.now();
	await Promise.all(Array.from({length: connections}, async (_, index) => {
		const first = index * share;
		const last = Math.min(size, first + share) - 1;
		return timeProgram('curl', curlArgs(request, '/dev/null', {Range: `bytes=${first}-${last}`}));
	}));
	return performance.now() - start;
}

export const emulatorSection: BenchSection = {
	title: 'Emulator download host vs the loopback ceiling (curl to /dev/null, same bytes)',
	async run(): Promise<BenchFigure[]> {
		const emulator = await startEmulator({firmwareSize: benchBytes(2048)});
		try {
			const firmware = await emulator.firmware('SM-S918B', 'EUX');
			const size = firmware.encryptedSize;
			const ceiling = await startCeilingServer(size);
			try {
				const request = await authorisedRequest(emulator, 'SM-S918B', 'EUX');
				const figures: BenchFigure[] = [];
				for (const connections of [1, 4]) {
					let ours = Infinity;
					let bare = Infinity;
					// Best of three, alternating who goes first: this VM's other tenants come and go.
					for (let round = 0; round < 3; round++) {
						const order = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
						for (const who of order) {
							// eslint-disable-next-line no-await-in-loop
							await warmPageCache(firmware.encryptedPath);
							// eslint-disable-next-line no-await-in-loop
							const ms = await timeParallelCurl(who === 'ours' ? request : {url: ceiling.url, headers: {}}, size, connections);
							if (who === 'ours') {
								ours = Math.min(ours, ms);
							} else {
								bare = Math.min(bare, ms);
							}
						}
					}

					const value = megabytesPerSecond(size, ours);
					const baseline = megabytesPerSecond(size, bare);
					const ratio = ratioOf(value, baseline);
					// The goal is the emulator's purpose: never the bottleneck. fusdeck's client takes about
					// 200 MB/s here with decryption and verification, so five times that leaves it idle most of the time.
					figures.push({name: `${(size / 2 ** 30).toFixed(2)} GiB, ${connections} connection${connections === 1 ? '' : 's'}`, value, unit: 'MB/s', baseline: {name: 'bare in-memory server', value: baseline}, ratio, goal: '>= 1000 MB/s', met: value >= 1000});
				}

				return figures;
			} finally {
				await ceiling.close();
			}
		} finally {
			await emulator.close();
		}
	},
};
