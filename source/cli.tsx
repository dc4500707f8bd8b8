import process from 'node:process';
import {loadAllCommands, loadCommand} from './commands/index.js';
import {environmentWarnings} from './commands/environment-warnings.js';
import {redactingIo} from './commands/redacting-io.js';
import {reportError} from './commands/report-error.js';
import {exitCodes, type CommandIO} from './commands/types.js';
import {UsageError} from './core/errors.js';
import {fusdeckVersion} from './version.js';
import {quote} from './core/quote.js';

export async function mainHelp(): Promise<string> {
	const commands = await loadAllCommands();
	const width = Math.max(...commands.map(c => c.name.length));
	return [
		`fusdeck ${fusdeckVersion}: a terminal workstation for official Samsung firmware (FUS)`,
		'',
		'Usage:',
		'  fusdeck [--demo]        open the workstation (TUI); --demo runs it against the built-in emulator',
		'  fusdeck <command> [options]',
		'',
		'Commands:',
		...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'Every command takes --help, and --json for machine-readable output.',
		'IMEIs and serials are masked in all output; --show-ids prints them in full.',
		'Servers: --fus-url, --download-url, --fota-url or FUSDECK_FUS_URL, FUSDECK_DOWNLOAD_URL, FUSDECK_FOTA_URL.',
		'Exit codes: 0 ok, 1 internal error, 2 usage, 3 server, 4 verification failed, 5 local (disk, config), 130 cancelled.',
		'',
	].join('\n');
}

/** Runs one invocation; exported so tests can drive the CLI in-process. */
export async function runCli(argv: string[], plainIo: CommandIO): Promise<number> {
	const [first, ...rest] = argv;
	const json = argv.includes('--json');
	const debug = argv.includes('--debug');
	const showIds = argv.includes('--show-ids');
	const io = redactingIo(plainIo, argv);
	for (const warning of environmentWarnings(io.env)) {
		io.stderr.write(`fusdeck: warning: ${warning}\n`);
	}

	try {
		if (first === '--version' || first === '-v') {
			io.stdout.write(`${fusdeckVersion}\n`);
			return exitCodes.ok;
		}

		if (first === '--help' || first === '-h' || first === 'help') {
			io.stdout.write(await mainHelp());
			return exitCodes.ok;
		}

		if (first === undefined || first.trim() === '') {
			throw new UsageError('no command given. Run fusdeck --help for the list, or fusdeck alone (in a terminal) for the workstation');
		}

		const command = await loadCommand(first);
		if (!command) {
			throw new UsageError(`unknown command ${quote(first)}. Run fusdeck --help for the list`);
		}

		if (rest.includes('--help') || rest.includes('-h')) {
			io.stdout.write(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
			return exitCodes.ok;
		}

		return await command.run(rest, io);
	} catch (error) {
		return reportError(error, io, {json, debug, showIds});
	}
}

/** The process entry point, called by bin/fusdeck.js. */
export async function main() {
	const argv = process.argv.slice(2);
	const io: CommandIO = {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()};
	if (argv.length === 0 || argv[0]?.startsWith('--') && !['--help', '-h', '--version', '-v'].includes(argv[0])) {
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			process.stderr.write('fusdeck: the workstation needs a terminal; in scripts use a command (fusdeck --help)\n');
			process.exitCode = exitCodes.usage;
			return;
		}

		for (const warning of environmentWarnings(io.env)) {
			process.stderr.write(`fusdeck: warning: ${warning}\n`);
		}

		try {
			process.exitCode = await (await import('./workstation.js')).runWorkstation(argv, io);
		} catch (error) {
			process.exitCode = reportError(error, io, {json: false, debug: argv.includes('--debug')});
		}

		return;
	}

	const controller = new AbortController();
	let interruptedAt: number | undefined;
	// A persistent listener: conf's atomic-write library re-sends the first SIGINT to the process
	// after its own exit hook, which would kill us mid-pause if no listener were left. A second
	// Ctrl-C from the user (later than that echo) ends at once.
	process.on('SIGINT', () => {
		if (interruptedAt === undefined) {
			interruptedAt = Date.now();
			controller.abort();
		} else if (Date.now() - interruptedAt > 500) {
			process.exit(exitCodes.cancelled);
		}
	});
	process.exitCode = await runCli(argv, {...io, signal: controller.signal});
}
