/**
 * `fusdeck` with no command: the workstation TUI over the real core, or over the project's emulator
 * with `--demo` (a throwaway config and download folder, so nothing of the user's is touched).
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {endpointsFrom, networkOptions, parseCommandArgs, timeoutFrom} from './commands/options.js';
import type {CommandIO} from './commands/types.js';
import {cacheDir, configDir} from './core/store/config-dir.js';
import {SettingsStore} from './core/store/settings-store.js';
import {FusdeckError} from './core/errors.js';
import {startEmulator} from './emulator/server.js';
import {createAppServices} from './services/app-services.js';
import {openQueue} from './services/open-queue.js';
import {renderApp} from './ui/render-app.js';


export async function runWorkstation(args: string[], io: CommandIO): Promise<number> {
	const {values} = parseCommandArgs('fusdeck', args, {...networkOptions, demo: {type: 'boolean', default: false}});
	const emulator = values.demo ? await startEmulator() : undefined;
	const demoDir = emulator ? mkdtempSync(join(tmpdir(), 'fusdeck-demo-')) : undefined;
	const endpoints = emulator ? {fus: emulator.url, download: emulator.url, fota: emulator.url} : endpointsFrom(values, io.env);
	const folder = demoDir ? join(demoDir, 'config') : configDir(io.env);
	const store = new SettingsStore({configDir: folder, defaultDownloadFolder: demoDir ?? io.cwd});
	if (demoDir) {
		store.setPreferredRegions(['EUX', 'XEF', 'DBT', 'BTU', 'INS']);
	}

	const timeoutMs = timeoutFrom(values.timeout);
	const opened = await openQueue({endpoints, store, timeoutMs, storePath: join(folder, 'queue.json'), autoResume: true});
	const services = createAppServices({endpoints, store, cacheDir: demoDir ? join(folder, 'cache') : cacheDir(io.env), timeoutMs, queue: opened.queue});
	if (opened.heldBy !== undefined) {
		services.errorLog.add(new FusdeckError('QUEUE_IN_USE', `The download queue is in use by process ${opened.heldBy}; downloads started here are not saved and will not resume after a restart`, {stage: 'config'}));
	}

	const instance = renderApp(services, {env: io.env});
	try {
		await instance.waitUntilExit();
	} finally {
		await opened.close();
		await emulator?.close();
	}

	if (demoDir) {
		io.stderr.write(`fusdeck: demo downloads, if any, are in ${demoDir}\n`);
	}

	return 0;
}
