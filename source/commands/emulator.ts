import {UsageError} from '../core/errors.js';
import {startEmulator, type Emulator} from '../emulator/server.js';
import {byteSizeOption, integerOption, outputOptions, parseCommandArgs} from './options.js';
import type {Command} from './types.js';

export const emulatorCommand: Command = {
	name: 'emulator',
	summary: "start the project's FUS emulator on loopback (for tests, demos, offline work)",
	usage: `Usage: fusdeck emulator [--port N] [--firmware-size SIZE] [--bandwidth BYTES_PER_S] [--link-expiry S] [--refuse-smart] [--no-older-builds] [--json]

Serves the FUS, download and version.xml endpoints of both protocol variants from one loopback
server with a small demo catalog, and prints its base URL. Point fusdeck at it with
FUSDECK_FUS_URL, FUSDECK_DOWNLOAD_URL and FUSDECK_FOTA_URL (all the same URL).

  --firmware-size SIZE       size of each firmware zip (default 256K; K, M, G suffixes, up to 8G).
                             Each firmware is a zip of Odin .tar.md5 packages, made once into
                             FUSDECK_EMULATOR_CACHE (default: <tmp>/fusdeck-emulator-cache) and
                             reused by later runs; the first inform of a big one waits for it.
  --bandwidth BYTES_PER_S    cap every download connection, e.g. 20M or 512K (default: no cap)
  --link-expiry S            seconds an init keeps a download authorised (default 1800)
  --refuse-smart             answer Smart informs with S01 (to test the classic fallback)
  --no-older-builds          serve the latest build even when Smart asks for an older one

Faults can be set while it runs: POST JSON to <url>/__emulator/faults, e.g.
{"rateLimit":{"count":3,"retryAfter":2}}, {"bandwidthPerConnection":1048576},
{"corruptMember":"AP"} (null clears one). Runs until interrupted.`,
	async run(args, io) {
		const {values} = parseCommandArgs('emulator', args, {
			...outputOptions,
			port: {type: 'string'},
			'firmware-size': {type: 'string'},
			bandwidth: {type: 'string'},
			'link-expiry': {type: 'string'},
			'refuse-smart': {type: 'boolean', default: false},
			'no-older-builds': {type: 'boolean', default: false},
		});
		const port = integerOption('port', values.port, 0, 0, 65_535);
		let emulator: Emulator;
		try {
			emulator = await startEmulator({
				port,
				firmwareSize: byteSizeOption('firmware-size', values['firmware-size'], 256 * 1024, 1024, 8 * 1024 ** 3),
				cacheDir: io.env['FUSDECK_EMULATOR_CACHE'] || undefined,
				faults: {
					bandwidthPerConnection: byteSizeOption('bandwidth', values.bandwidth, undefined, 1024, 64 * 1024 ** 3),
					linkExpirySeconds: integerOption('link-expiry', values['link-expiry'], 1800, 1, 86_400),
					refuseSmart: values['refuse-smart'],
					serveOlderBuilds: !values['no-older-builds'],
				},
			});
		} catch (error) {
			const code = (error as {code?: string}).code;
			if (code === 'EADDRINUSE' || code === 'EACCES') {
				throw new UsageError(`emulator: cannot listen on 127.0.0.1:${port} (${code === 'EADDRINUSE' ? 'the port is in use' : 'not allowed'}); pick another --port, or 0 for any free port`);
			}

			throw error;
		}

		io.stdout.write(values.json ? JSON.stringify({url: emulator.url, port: emulator.port}) + '\n' : `fusdeck emulator listening on ${emulator.url}\n`);
		await new Promise<void>(resolve => {
			if (io.signal?.aborted) {
				resolve();
				return;
			}

			// Each listener goes when the emulator stops, so in-process runs do not pile them up.
			const stop = () => {
				io.signal?.removeEventListener('abort', stop);
				process.off('SIGTERM', stop);
				resolve();
			};

			io.signal?.addEventListener('abort', stop, {once: true});
			process.once('SIGTERM', stop);
		});
		await emulator.close();
		return 0;
	},
};
