import type {Command} from './types.js';

/**
 * Every scripted subcommand, in the order `fusdeck --help` lists them, loaded on demand: a command
 * pays only for its own modules (the TUI, conf, undici… are not loaded to print a version).
 */
const loaders: Record<string, () => Promise<Command>> = {
	check: async () => (await import('./check.js')).checkCommand,
	compare: async () => (await import('./compare.js')).compareCommand,
	regions: async () => (await import('./regions.js')).regionsCommand,
	history: async () => (await import('./history.js')).historyCommand,
	download: async () => (await import('./download.js')).downloadCommand,
	decrypt: async () => (await import('./decrypt.js')).decryptCommand,
	verify: async () => (await import('./verify.js')).verifyCommand,
	queue: async () => (await import('./queue.js')).queueCommand,
	explain: async () => (await import('./explain.js')).explainCommand,
	decode: async () => (await import('./decode.js')).decodeCommand,
	models: async () => (await import('./models.js')).modelsCommand,
	cscs: async () => (await import('./cscs.js')).cscsCommand,
	imei: async () => (await import('./imei.js')).imeiCommand,
	emulator: async () => (await import('./emulator.js')).emulatorCommand,
};

export const commandNames: readonly string[] = Object.keys(loaders);

export async function loadCommand(name: string): Promise<Command | undefined> {
	return Object.hasOwn(loaders, name) ? loaders[name]!() : undefined;
}

export async function loadAllCommands(): Promise<Command[]> {
	return Promise.all(commandNames.map(async name => loaders[name]!()));
}
