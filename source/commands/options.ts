import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UsageError} from '../core/errors.js';
import {resolveEndpoints, type Endpoints} from '../core/endpoints.js';
import {quote} from '../core/quote.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Flags every command that talks to a server accepts. */
export const networkOptions = {
	'fus-url': {type: 'string'},
	'download-url': {type: 'string'},
	'fota-url': {type: 'string'},
	protocol: {type: 'string'},
	timeout: {type: 'string'},
} as const satisfies OptionSpec;

export const outputOptions = {
	json: {type: 'boolean', default: false},
	help: {type: 'boolean', short: 'h', default: false},
	debug: {type: 'boolean', default: false},
	// IMEIs and serials are masked in all output unless the user asks for them (see SECURITY.md).
	'show-ids': {type: 'boolean', default: false},
} as const satisfies OptionSpec;

/** parseArgs that turns its TypeErrors into usage errors naming the command. */
export function parseCommandArgs<const O extends OptionSpec>(command: string, args: string[], options: O) {
	// A real command line cannot carry NUL (argv is C strings), but in-process callers can, and
	// node:fs would then throw a bare TypeError deep inside a command.
	if (args.some(arg => arg.includes('\0'))) {
		throw new UsageError(`${command}: an argument contains a NUL character`);
	}

	try {
		return parseArgs({args, options, allowPositionals: true, strict: true});
	} catch (error) {
		throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify.*$/s, '')}. See: fusdeck ${command} --help`);
	}
}

export function endpointsFrom(
	values: {'fus-url'?: string; 'download-url'?: string; 'fota-url'?: string},
	env: Record<string, string | undefined>,
): Endpoints {
	try {
		return resolveEndpoints({fus: values['fus-url'], download: values['download-url'], fota: values['fota-url']}, env);
	} catch (error) {
		throw new UsageError(`Bad server URL: ${(error as Error).message}. Give a base URL such as http://127.0.0.1:8080`);
	}
}

/** Request timeout in milliseconds from `--timeout SECONDS`. */
export function timeoutFrom(value: string | undefined, fallbackMs = 30_000): number {
	if (value === undefined) {
		return fallbackMs;
	}

	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw new UsageError(`--timeout takes a positive number of seconds, not ${quote(value)}`);
	}

	return Math.round(seconds * 1000);
}

/** A whole-number flag within bounds, with a usage error that names the flag and its range. */
export function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
	if (value === undefined) {
		return fallback;
	}

	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) {
		throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not ${quote(value)}`);
	}

	return number;
}

const sizeUnits: Record<string, number> = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3};

/** Bytes from `512K`, `20M`, `1.5G` or a plain number (binary units, as curl's --limit-rate); undefined if unreadable. */
export function parseByteSize(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
	return match ? Math.round(Number(match[1]) * sizeUnits[match[2]!.toLowerCase()]!) : undefined;
}

/** A byte-size flag within bounds, e.g. `--bandwidth 20M`. */
export function byteSizeOption(name: string, value: string | undefined, fallback: number | undefined, min: number, max: number): number | undefined {
	if (value === undefined) {
		return fallback;
	}

	const bytes = parseByteSize(value);
	if (bytes === undefined || bytes < min || bytes > max) {
		throw new UsageError(`--${name} takes a size from ${min} bytes to ${max / 1024 ** 3} GiB (suffixes K, M, G), not ${quote(value)}`);
	}

	return bytes;
}
