import {isFusdeckError, type FusdeckError} from '../core/errors.js';
import {exitCodeFor} from './exit-code.js';
import {exitCodes, type CommandIO} from './types.js';

/**
 * Prints an error the way scripts and people both want it: one line on stderr (and a JSON object
 * on stdout with --json), never a stack trace unless --debug. Returns the exit code.
 */
export function reportError(error: unknown, io: CommandIO, options: {json: boolean; debug: boolean}): number {
	const known = isFusdeckError(error) ? error : undefined;
	const code = known ? exitCodeFor(known) : exitCodes.internal;
	const message = known ? known.message : `internal error: ${(error as Error)?.message ?? String(error)} (this is a bug; rerun with --debug and report it)`;
	io.stderr.write(`fusdeck: ${message}\n`);
	if (options.json) {
		io.stdout.write(JSON.stringify({ok: false, error: errorJson(known, message)}) + '\n');
	}

	if (options.debug && error instanceof Error && error.stack) {
		io.stderr.write(error.stack + '\n');
	}

	return code;
}

function errorJson(error: FusdeckError | undefined, message: string) {
	return error ? {code: error.code, message, ...error.context} : {code: 'INTERNAL', message};
}
