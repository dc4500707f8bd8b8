import {chmodSync, existsSync, mkdirSync, renameSync, statSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {FusdeckError, UsageError} from '../errors.js';
import {normaliseDeviceId} from './device-id.js';
import {settingsSchema} from './settings-schema.js';
import {quote} from '../quote.js';
import {
	concurrencyRange, connectionsRange, defaultSettings, protocols, recentLimit,
	type Protocol, type ProtocolVariant, type Settings,
} from './settings-types.js';

export type SettingsStoreOptions = {
	/** The config folder (FUSDECK_CONFIG_DIR or the platform's); tests pass a temp dir. */
	configDir: string;
	defaultDownloadFolder?: string;
	/** Clock for the name of a corrupt file's backup. */
	now?: () => Date;
};

type Listener = () => void;

/**
 * Settings kept in `<configDir>/config.json` (mode 0600, written atomically by conf). Every
 * setter validates first and throws a FusdeckError that says what to fix. A file that cannot be
 * read is moved aside to `config.json.corrupt-<timestamp>` and a fresh one starts;
 * `recoveredFrom` then names the backup so the UI can tell the user.
 */
export class SettingsStore {
	readonly path: string;
	readonly recoveredFrom: string | undefined;
	readonly #conf: Conf<Settings>;
	readonly #listeners = new Set<Listener>();
	#snapshot: Settings;

	constructor(options: SettingsStoreOptions) {
		mkdirSync(options.configDir, {recursive: true, mode: 0o700});
		const open = () => new Conf<Settings>({
			cwd: options.configDir,
			configFileMode: 0o600,
			schema: settingsSchema as never,
			// Checking our fixed schema against JSON Schema's meta-schema cost ~40 ms at every start of
			// every command; the settings-store tests check it once instead.
			ajvOptions: {validateSchema: false},
			defaults: defaultSettings(options.defaultDownloadFolder),
		});
		let conf: Conf<Settings>;
		let recoveredFrom: string | undefined;
		try {
			conf = open();
		} catch (error) {
			const file = path.join(options.configDir, 'config.json');
			if (!isUnreadableContent(error) || !existsSync(file)) {
				throw new FusdeckError('CONFIG_CORRUPT', `cannot open the settings in ${options.configDir}: ${(error as Error).message}`, {stage: 'config', path: file}, {cause: error});
			}

			recoveredFrom = `${file}.corrupt-${stamp((options.now ?? (() => new Date()))())}`;
			renameSync(file, recoveredFrom);
			chmodSync(recoveredFrom, 0o600);
			conf = open();
		}

		// conf applies configFileMode only when it writes; a file an older version or another tool
		// left world-readable would hold IMEIs readable by others until the next change.
		tightenMode(conf.path);
		this.#conf = conf;
		this.path = conf.path;
		this.recoveredFrom = recoveredFrom;
		this.#snapshot = this.#read();
	}

	getSnapshot = (): Readonly<Settings> => this.#snapshot;

	subscribe = (listener: Listener): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	deviceIdsFor(model: string): string[] {
		return this.#snapshot.deviceIds[model] ?? [];
	}

	/** Stores an IMEI or serial for a model (first in its list); returns the normalised id. */
	addDeviceId(model: string, raw: string): string {
		const key = checkModel(model);
		const {id} = normaliseDeviceId(raw, key);
		const others = this.deviceIdsFor(key).filter(existing => existing !== id);
		this.#write('deviceIds', {...this.#snapshot.deviceIds, [key]: [id, ...others]});
		return id;
	}

	removeDeviceId(model: string, id: string): void {
		const {[model]: current = [], ...rest} = this.#snapshot.deviceIds;
		const remaining = current.filter(existing => existing !== id);
		this.#write('deviceIds', remaining.length > 0 ? {...rest, [model]: remaining} : rest);
	}

	setPreferredRegions(cscs: readonly string[]): void {
		const normalised = [...new Set(cscs.map(csc => csc.trim().toUpperCase()).filter(Boolean))];
		for (const csc of normalised) {
			if (!/^[A-Z0-9]{3}$/.test(csc)) {
				throw new UsageError(`${quote(csc)} is not a CSC code; a CSC has 3 letters or digits, e.g. EUX or XEF`);
			}
		}

		this.#write('preferredRegions', normalised);
	}

	togglePreferredRegion(csc: string): boolean {
		const current = this.#snapshot.preferredRegions;
		const on = !current.includes(csc);
		this.setPreferredRegions(on ? [...current, csc] : current.filter(code => code !== csc));
		return on;
	}

	/** Returns whether the model is a favourite afterwards. */
	toggleFavourite(model: string): boolean {
		const key = checkModel(model);
		const current = this.#snapshot.favouriteModels;
		const on = !current.includes(key);
		this.#write('favouriteModels', on ? [...current, key] : current.filter(m => m !== key));
		return on;
	}

	noteRecent(model: string): void {
		const key = checkModel(model);
		const recent = [key, ...this.#snapshot.recentModels.filter(m => m !== key)].slice(0, recentLimit);
		this.#write('recentModels', recent);
	}

	setDownloadFolder(folder: string): void {
		if (folder.includes('\0')) {
			throw new UsageError('the download folder contains a NUL character');
		}

		this.#write('downloadFolder', folder.trim());
	}

	setConcurrency(jobs: number): void {
		this.#write('concurrency', checkRange(jobs, concurrencyRange, 'jobs at once'));
	}

	setConnectionsPerJob(connections: number): void {
		this.#write('connectionsPerJob', checkRange(connections, connectionsRange, 'connections per job'));
	}

	setProtocol(protocol: string): void {
		if (!(protocols as readonly string[]).includes(protocol)) {
			throw new UsageError(`protocol must be one of ${protocols.join(', ')}`);
		}

		this.#write('protocol', protocol as Protocol);
	}

	rememberProtocol(model: string, variant: ProtocolVariant): void {
		this.#write('protocolByModel', {...this.#snapshot.protocolByModel, [checkModel(model)]: variant});
	}

	#write<K extends keyof Settings>(key: K, value: Settings[K]): void {
		this.#conf.set({[key]: value} as Partial<Settings>);
		this.#snapshot = this.#read();
		for (const listener of this.#listeners) {
			listener();
		}
	}

	#read(): Settings {
		return Object.freeze({...defaultSettings(), ...this.#conf.store});
	}
}

/** Errors that mean "the bytes in the file are wrong", as opposed to "we could not read it". */
function isUnreadableContent(error: unknown): boolean {
	if (!(error instanceof Error) || 'code' in error) {
		return false;
	}

	return error instanceof SyntaxError || error.message.startsWith('Config schema violation') || error instanceof TypeError;
}

function tightenMode(file: string): void {
	const mode = statSync(file, {throwIfNoEntry: false})?.mode;
	if (mode !== undefined && (mode & 0o077) !== 0 && process.platform !== 'win32') {
		chmodSync(file, 0o600);
	}
}

function stamp(date: Date): string {
	return date.toISOString().replaceAll(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function checkModel(model: string): string {
	const key = model.trim().toUpperCase();
	if (!/^[A-Z0-9][A-Z0-9/_-]{1,31}$/.test(key)) {
		throw new UsageError(`${quote(model)} is not a model code; use the form SM-S918B`);
	}

	return key;
}

function checkRange(value: number, range: {min: number; max: number}, what: string): number {
	if (!Number.isInteger(value) || value < range.min || value > range.max) {
		throw new UsageError(`${what} must be a whole number from ${range.min} to ${range.max}`);
	}

	return value;
}
