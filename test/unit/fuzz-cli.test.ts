/**
 * The command line under random input: real command and flag names mixed with odd values and
 * random text. Every run must end, in time, with an exit code and a short clear message: never an
 * uncaught exception, an "internal error", a stack trace or an echo that drives the terminal.
 * No network: endpoints are a closed loopback port and the signal is already aborted (see
 * offline-env), so a command that gets past its arguments stops at its first request.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {loadAllCommands} from '../../source/commands/index.js';
import {networkOptions, outputOptions} from '../../source/commands/options.js';
import {fuzzParameters, hostileText} from '../helpers/fuzz.js';
import {offlineEnv, type OfflineEnv} from '../helpers/offline-env.js';
import {runCliCaptured, type CliResult} from '../helpers/run-cli.js';

const commands = await loadAllCommands();

/** Every flag a command documents, plus the shared ones: the fuzz follows the commands as they grow. */
const flags = [...new Set([
	...commands.flatMap(command => command.usage.match(/--[a-z][a-z\d-]*/g) ?? []),
	...Object.keys({...outputOptions, ...networkOptions}).map(name => `--${name}`),
	'-h', '-v', '--version', '--help',
])];

const oddValues = [
	'SM-S918B', 'sm-s918b', 'SM-X710', 'S23U', 'EUX', 'xef', 'BTU', 'OXM',
	'S918BXXS8DYK1', 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1', 'S918BXXS8DYK1//S918BXXS8DYK1/S918BXXS8DYK1',
	'351234567890124', '35123456789012', 'R58M315CL4T', '408', 'HTTP 429', 'S01', 'CRC_MISMATCH',
	'0', '1', '-1', '2.5', '1e309', 'NaN', 'Infinity', '0x10', '', ' ', '-', '--', '---', '-=', '--=',
	'auto', 'smart', 'classic', 'download', '.', '..', '../../etc', '/', 'C:\\', '%s%n', 'ö', '🙂', '\u001b[2J', '\u202e', 'a'.repeat(5000),
];

const value = fc.oneof({weight: 3, arbitrary: fc.constantFrom(...oddValues)}, {weight: 2, arbitrary: hostileText(30)});
const token = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...flags)},
	{weight: 3, arbitrary: value},
	{weight: 1, arbitrary: fc.tuple(fc.constantFrom(...flags), value).map(([flag, text]) => `${flag}=${text}`)},
);
const commandName = fc.oneof({weight: 8, arbitrary: fc.constantFrom(...commands.map(c => c.name))}, {weight: 1, arbitrary: value});

/**
 * Keeps a run offline and local whatever was drawn: nothing that could be a URL elsewhere, and no
 * emulator on a port chosen at random (it would take a port another process on the machine wants).
 */
function sanitise(argv: string[]): string[] {
	return argv.map((word, index) => {
		if (/https?:|\/\//i.test(word)) {
			return 'not-a-url';
		}

		const previous = argv[index - 1];
		const portValue = word.startsWith('--port=') ? word.slice(7) : previous === '--port' ? word : undefined;
		if (portValue !== undefined && Number.isInteger(Number(portValue)) && Number(portValue) !== 0) {
			return word.startsWith('--port=') ? '--port=0' : '0';
		}

		return word;
	});
}

const okCodes = new Set([0, 2, 3, 4, 5, 130]);

async function runBounded(argv: string[], offline: OfflineEnv): Promise<CliResult> {
	let timer: NodeJS.Timeout | undefined;
	const hung = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`fusdeck ${JSON.stringify(argv)} did not finish in 10 s`)), 10_000);
	});
	try {
		return await Promise.race([runCliCaptured(argv, offline.env, {signal: offline.aborted, cwd: offline.dir}), hung]);
	} finally {
		clearTimeout(timer);
	}
}

function checkOutcome(argv: string[], result: CliResult) {
	const shown = `fusdeck ${JSON.stringify(argv)} → ${result.code}\nstdout: ${result.stdout.slice(0, 500)}\nstderr: ${result.stderr.slice(0, 1000)}`;
	assert.ok(okCodes.has(result.code), `unexpected exit code: ${shown}`);
	assert.doesNotMatch(result.stderr, /internal error|TypeError|RangeError|ReferenceError/, shown);
	if (!argv.includes('--debug')) {
		assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+/, `a stack trace without --debug: ${shown}`);
	}

	// Nothing the user typed may reach the terminal as a control sequence.
	assert.doesNotMatch(result.stderr, /[\u0000-\u0008\u000B-\u001F\u007F\u202E]/, `raw control characters: ${shown}`);
	if (result.code !== 0 && result.code !== 130) {
		// Errors are reported on stderr; a verdict (imei --check: not usable) is the command's output.
		assert.ok(/^fusdeck: \S/m.test(result.stderr) || result.stdout.trim() !== '', `no message: ${shown}`);
		const message = result.stderr.split('\n').find(line => line.startsWith('fusdeck: ') && !line.startsWith('fusdeck: warning:')) ?? '';
		assert.ok(message.length < 600, `a message of ${message.length} chars: ${shown}`);
	}

	if (argv.includes('--json') && !argv.includes('--') && result.code !== 0) {
		for (const line of result.stdout.split('\n').filter(Boolean)) {
			assert.doesNotThrow(() => JSON.parse(line), `--json output that is not JSON: ${shown}`);
		}
	}
}

test('every command, given random arguments, ends with an exit code and a clear message', async t => {
	const offline = await offlineEnv();
	t.after(() => offline.cleanup());
	await fc.assert(fc.asyncProperty(commandName, fc.array(token, {maxLength: 8}), async (name, rest) => {
		const argv = sanitise([name, ...rest]);
		checkOutcome(argv, await runBounded(argv, offline));
	}), fuzzParameters(250));
});

test('arguments in the shape each command expects, with odd values, end the same way', async t => {
	const offline = await offlineEnv();
	t.after(() => offline.cleanup());
	// Mostly a valid model and CSC, so that runs get past them to the flags and the first request.
	const model = fc.oneof({weight: 3, arbitrary: fc.constantFrom('SM-S918B', 'sm-a546b', 'SM-X710', 'SM-R960')}, {weight: 1, arbitrary: value});
	const csc = fc.oneof({weight: 3, arbitrary: fc.constantFrom('EUX', 'xef', 'BTU')}, {weight: 1, arbitrary: value});
	const shaped = fc.tuple(fc.constantFrom(...commands.map(c => c.name)), model, csc, fc.subarray(flags.filter(flag => !/^(-h|--help|-v|--version)$/.test(flag)), {maxLength: 4}), fc.array(value, {maxLength: 4}))
		.map(([name, first, second, chosen, values]) => [name, first, second, ...chosen.flatMap((flag, index) => values[index] === undefined ? [flag] : [flag, values[index]!])]);
	await fc.assert(fc.asyncProperty(shaped, async raw => {
		const argv = sanitise(raw);
		checkOutcome(argv, await runBounded(argv, offline));
	}), fuzzParameters(250));
});

test('with no arguments, an empty command or only flags, the CLI answers with usage', async () => {
	for (const argv of [[], [''], ['--json'], ['--debug'], ['-x']]) {
		const result = await runCliCaptured(argv);
		assert.equal(result.code, 2, JSON.stringify(argv));
		assert.match(result.stderr, /^fusdeck: (no command given|unknown command)/);
	}
});

test('commands that reach a closed port fail with exit 3 and say which host could not be reached', async t => {
	const offline = await offlineEnv();
	t.after(() => offline.cleanup());
	const host = new URL(offline.closedUrl).host;
	for (const argv of [['check', 'SM-S918B', 'EUX'], ['history', 'SM-S918B', 'EUX', '--json'], ['download', 'SM-S918B', 'EUX', '--protocol', 'smart']]) {
		const result = await runBounded([...argv, '--timeout', '5'], {...offline, aborted: new AbortController().signal});
		assert.equal(result.code, 3, `${argv.join(' ')}: ${result.stderr}`);
		assert.ok(result.stderr.includes(`Could not reach ${host}`), `${argv.join(' ')}: ${result.stderr}`);
	}
});

test('emulator on a port that is taken is a usage error, not a crash', async t => {
	const {createServer} = await import('node:net');
	const taken = createServer();
	await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve));
	t.after(() => taken.close());
	const {port} = taken.address() as {port: number};
	const result = await runCliCaptured(['emulator', '--port', String(port)]);
	assert.equal(result.code, 2);
	assert.match(result.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(the port is in use\\)`));
});
