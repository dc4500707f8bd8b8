/** What a scripted command gets from the CLI shell: streams, environment and a cancel signal. */
export type CommandIO = {
	stdout: {write(text: string): unknown};
	stderr: {write(text: string): unknown};
	env: Record<string, string | undefined>;
	cwd: string;
	signal?: AbortSignal;
};

export type Command = {
	name: string;
	/** One line for `fusdeck --help`. */
	summary: string;
	/** The full usage text for `fusdeck <name> --help`. */
	usage: string;
	/** Returns the process exit code. Throws FusdeckError for anything the user should read. */
	run(args: string[], io: CommandIO): Promise<number>;
};

/** Exit codes that let scripts tell failures apart. */
export const exitCodes = {
	ok: 0,
	internal: 1,
	usage: 2,
	server: 3,
	verify: 4,
	local: 5,
	cancelled: 130,
} as const;
