/** What fusdeck remembers between runs. Plain data; the store validates every change. */
export const protocols = ['auto', 'smart', 'classic'] as const;
export type Protocol = (typeof protocols)[number];
export type ProtocolVariant = Exclude<Protocol, 'auto'>;

export type Settings = {
	/** Model → IMEIs or serials of the user's devices of that model. */
	deviceIds: Record<string, string[]>;
	/** CSC codes shown first and compared by default. */
	preferredRegions: string[];
	favouriteModels: string[];
	/** Most recent first, at most `recentLimit`. */
	recentModels: string[];
	/** Empty means: the folder the lead resolves (current directory). */
	downloadFolder: string;
	/** Jobs that run at once. */
	concurrency: number;
	/** Ranged connections per job. */
	connectionsPerJob: number;
	protocol: Protocol;
	/** The variant that last worked for a model, tried first next time. */
	protocolByModel: Record<string, ProtocolVariant>;
};

export const recentLimit = 10;
export const concurrencyRange = {min: 1, max: 8} as const;
export const connectionsRange = {min: 1, max: 16} as const;

export const modelPattern = '^[A-Z0-9][A-Z0-9/_-]{1,31}$';
export const cscPattern = '^[A-Z0-9]{3}$';

export function defaultSettings(downloadFolder = ''): Settings {
	return {
		deviceIds: {},
		preferredRegions: [],
		favouriteModels: [],
		recentModels: [],
		downloadFolder,
		concurrency: 2,
		connectionsPerJob: 4,
		protocol: 'auto',
		protocolByModel: {},
	};
}
