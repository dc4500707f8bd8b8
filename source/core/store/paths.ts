/**
 * Where fusdeck keeps its settings and queue. `FUSDECK_CONFIG_DIR` wins; otherwise the folder that
 * conf (env-paths with an empty suffix) would pick for the project name, so both agree.
 */
import {homedir} from 'node:os';
import {join} from 'node:path';

export type PathEnvironment = Record<string, string | undefined>;

export function configDir(env: PathEnvironment, platform: NodeJS.Platform = process.platform, home: string = env['HOME'] ?? homedir()): string {
	const explicit = env['FUSDECK_CONFIG_DIR'];
	if (explicit) {
		return explicit;
	}

	if (platform === 'darwin') {
		return join(home, 'Library', 'Preferences', 'fusdeck');
	}

	if (platform === 'win32') {
		return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'fusdeck', 'Config');
	}

	return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'fusdeck');
}

/** The persisted download queue. */
export function queueFile(env: PathEnvironment, platform?: NodeJS.Platform): string {
	return join(configDir(env, platform), 'queue.json');
}
