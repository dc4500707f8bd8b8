import {configDir} from '../core/store/config-dir.js';
import {SettingsStore} from '../core/store/settings-store.js';
import type {CommandIO} from './types.js';

/** The settings store for a command; a damaged settings file is kept aside and the user told, as the workstation does. */
export function openSettings(io: CommandIO): SettingsStore {
	const store = new SettingsStore({configDir: configDir(io.env)});
	if (store.recoveredFrom) {
		io.stderr.write(`fusdeck: the settings file was damaged and has been kept as ${store.recoveredFrom}; defaults are used until you set them again\n`);
	}

	return store;
}
