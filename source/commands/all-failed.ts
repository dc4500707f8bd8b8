import type {FusdeckError} from '../core/errors.js';
import {exitCodeFor} from './exit-code.js';
import {exitCodes, type CommandIO} from './types.js';

/**
 * Commands that probe many CSCs print their table even when every probe failed; this adds the one
 * line on stderr that says why, and an exit code from the first failure (130 when cancelled).
 */
export function failure(io: CommandIO, what: string, count: number, error: FusdeckError | undefined): number {
	io.stderr.write(`fusdeck: ${what}: ${count} ${count === 1 ? 'request' : 'requests'} failed${error ? ` (first: ${error.message})` : ''}\n`);
	return error ? exitCodeFor(error) : exitCodes.server;
}
