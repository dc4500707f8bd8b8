import {UsageError} from '../core/errors.js';
import {startEmulator, type Emulator} from '../emulator/server.js';
import {integerOption, outputOptions, parseCommandArgs} from './options.js';
import type {Command} from './types.js';

export const emulatorCommand: Command = {
	name: 'emulator',
	summary: "start the project's FUS emulator on loopback (for tests, demos, offline work)",
	usage: `Usage: fusdeck emulator [--port N] [--firmware-size BYTES] [--link-expiry S] [--refuse-smart] [--no-older-builds] [--json]

Serves the FUS, download and version.xml endpoints of both protocol variants from one loopback
server with a small demo catalog, and prints its base URL. Point fusdeck at it with
FUSDECK_FUS_URL, FUSDECK_DOWNLOAD_URL and FUSDECK_FOTA_URL (all the same URL). Faults can be set
while it runs: POST JSON to <url>/__emulator/faults, e.g. {"rateLimit":{"count":3,"retryAfter":2}}.
Runs until interrupted.`,
	async run(args, io) {
		const {values} = parseCommandArgs('emulator', args, {
			...outputOptions,
			port: {type: 'string'},
			'firmware-size': {type: 'string'},
			'link-expiry': {type: 'string'},
			'refuse-smart': {type: 'boolean', default: false},
			'no-older-builds': {type: 'boolean', default: false},
		});
		const port = integerOption('port', values.port, 0, 0, 65_535);
		let emulator: Emulator;
		try {
			emulator = await startEmulator({
				port,
				firmwareSize: integerOption('firmware-size', values['firmware-size'], 256 * 1024, 16, 512 * 1024 * 1024),
				faults: {
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
