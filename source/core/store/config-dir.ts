/**
 * Where fusdeck keeps settings, the queue and caches: FUSDECK_CONFIG_DIR, else the platform's config
 * folder (XDG on Linux, Library/Preferences on macOS, APPDATA on Windows), as `conf` would choose.
 */
import {homedir} from 'node:os';
import {join} from 'node:path';

export function configDir(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
	const explicit = env['FUSDECK_CONFIG_DIR'];
	if (explicit) {
		return explicit;
	}

	const home = env['HOME'] || homedir();
	if (platform === 'darwin') {
		return join(home, 'Library', 'Preferences', 'fusdeck');
	}

	if (platform === 'win32') {
		return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'fusdeck', 'Config');
	}

	return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'fusdeck');
}

export function cacheDir(env: Record<string, string | undefined>): string {
	return join(configDir(env), 'cache');
}

/** The persisted download queue. */
export function queueFile(env: Record<string, string | undefined>, platform?: NodeJS.Platform): string {
	return join(configDir(env, platform), 'queue.json');
}
