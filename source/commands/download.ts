import {resolve} from 'node:path';
import {statSync} from 'node:fs';
import {openDownload} from '../core/fus/open-download.js';
import {resolveVersion} from '../core/fus/resolve-version.js';
import {UsageError} from '../core/errors.js';
import {configDir} from '../core/store/config-dir.js';
import {SettingsStore} from '../core/store/settings-store.js';
import {downloadSequential} from '../core/transfer/sequential-download.js';
import {cscArg, modelArg, protocolArg} from './args.js';
import {endpointsFrom, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import type {Command} from './types.js';

export const downloadCommand: Command = {
	name: 'download',
	summary: 'download, decrypt and verify firmware (Smart protocol: no IMEI needed)',
	usage: `Usage: fusdeck download MODEL CSC [--out DIR] [--build PDA|VERSION] [--accept-latest]
                        [--imei IMEI|SERIAL] [--protocol auto|smart|classic] [--json]

Downloads the latest firmware of MODEL for CSC (or the build named by --build), decrypts it while
it arrives, checks the CRC32 the server announced and the padding, and leaves the decrypted zip
in DIR (default: the settings' download folder, else the current folder).

--protocol auto (default) tries Smart first, which needs no IMEI, and falls back to classic with
the IMEI given or stored for the model. When the server offers another build than --build asks
for, nothing is downloaded unless --accept-latest.

Example: fusdeck download SM-S918B EUX`,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('download', args, {
			...outputOptions,
			...networkOptions,
			out: {type: 'string'},
			imei: {type: 'string'},
			build: {type: 'string'},
			'accept-latest': {type: 'boolean', default: false},
		});
		const model = modelArg(positionals[0], 'download');
		const csc = cscArg(positionals[1], 'download');
		const store = new SettingsStore({configDir: configDir(io.env)});
		const settings = store.getSnapshot();
		const protocol = protocolArg(values.protocol, settings.protocol);
		const deviceId = values.imei?.trim() || store.deviceIdsFor(model)[0];
		const destDir = resolve(io.cwd, values.out ?? (settings.downloadFolder || '.'));
		if (!statSync(destDir, {throwIfNoEntry: false})?.isDirectory()) {
			throw new UsageError(`The download folder ${destDir} does not exist; create it or pass --out DIR`);
		}

		const endpoints = endpointsFrom(values, io.env);
		const timeoutMs = timeoutFrom(values.timeout);
		const version = await resolveVersion(model, csc, values.build, {fotaUrl: endpoints.fota, timeoutMs, signal: io.signal});
		const memory = {get: (m: string) => store.getSnapshot().protocolByModel[m], set: (m: string, p: 'classic' | 'smart') => store.rememberProtocol(m, p)};
		const opened = await openDownload({model, csc, version, deviceId}, {endpoints, protocol, timeoutMs, signal: io.signal, memory, exactBuild: Boolean(values.build) && !values['accept-latest']});
		if (!values.json) {
			io.stderr.write(`fusdeck: ${model} ${csc} ${opened.info.version.split('/')[0]} via ${opened.info.protocol}: ${opened.remote.size} bytes\n`);
		}

		const result = await downloadSequential({source: opened.source, remote: opened.remote, destDir, signal: io.signal});
		if (values.json) {
			io.stdout.write(JSON.stringify({ok: true, model, csc, version: opened.info.version, protocol: opened.info.protocol, path: result.path, size: result.size, crc32: result.crc32}) + '\n');
		} else {
			io.stdout.write(`${result.path}\n`);
		}

		return 0;
	},
};
