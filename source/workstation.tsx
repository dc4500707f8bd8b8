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
import {startEmulator} from './emulator/server.js';
import {createAppServices} from './services/app-services.js';
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

	const services = createAppServices({endpoints, store, cacheDir: demoDir ? join(folder, 'cache') : cacheDir(io.env), timeoutMs: timeoutFrom(values.timeout)});
	const instance = renderApp(services, {env: io.env});
	try {
		await instance.waitUntilExit();
	} finally {
		services.queue.stopAll();
		await emulator?.close();
	}

	if (demoDir) {
		io.stderr.write(`fusdeck: demo downloads, if any, are in ${demoDir}\n`);
	}

	return 0;
}
