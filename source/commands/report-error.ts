import {explainWithCatalog} from '../core/catalog/csc-context.js';
import type {Explanation} from '../core/explain/types.js';
import {isFusdeckError, type FusdeckError} from '../core/errors.js';
import {redactDeviceIds} from '../core/identity/mask.js';
import {exitCodeFor} from './exit-code.js';
import {exitCodes, type CommandIO} from './types.js';

/**
 * Prints an error the way scripts and people both want it: one line on stderr, plus a `fix:` line
 * when the explainer knows a fix the message does not already give (and a JSON object on stdout
 * with --json), never a stack trace unless --debug. Returns the exit code.
 * IMEI-shaped numbers are masked in all of it unless `showIds`: an error can quote an id from
 * anywhere (the command line, the settings, a server reply), and error output gets pasted into
 * issue reports.
 */
export function reportError(error: unknown, io: CommandIO, options: {json: boolean; debug: boolean; showIds?: boolean}): number {
	const known = isFusdeckError(error) ? error : undefined;
	const code = known ? exitCodeFor(known) : exitCodes.internal;
	const mask = options.showIds ? (text: string) => text : (text: string) => redactDeviceIds(text);
	const message = known ? known.message : `internal error: ${(error as Error)?.message ?? String(error)} (this is a bug; rerun with --debug and report it)`;
	const explanation = known ? safeExplain(known) : undefined;
	io.stderr.write(mask(`fusdeck: ${message}\n`));
	if (known && explanation && fixAddsToMessage(known, explanation)) {
		io.stderr.write(`  fix: ${explanation.fix}\n`);
	}

	if (options.json) {
		io.stdout.write(mask(JSON.stringify({ok: false, error: errorJson(known, message, explanation)})) + '\n');
	}

	if (options.debug && error instanceof Error && error.stack) {
		io.stderr.write(mask(error.stack) + '\n');
	}

	return code;
}

/** Usage errors already say what to do in their one line; a cancel needs no advice. */
const selfExplaining = new Set(['USAGE', 'CANCELLED', 'INTERNAL']);

function fixAddsToMessage(error: FusdeckError, explanation: Explanation): boolean {
	return !selfExplaining.has(error.code) && !error.message.includes(explanation.fix);
}

function safeExplain(error: FusdeckError): Explanation | undefined {
	try {
		return explainWithCatalog(error);
	} catch {
		// Reporting must never fail because of the explainer.
		return undefined;
	}
}

function errorJson(error: FusdeckError | undefined, message: string, explanation: Explanation | undefined) {
	return error ? {code: error.code, message, ...error.context, ...(explanation ? {explanation} : {})} : {code: 'INTERNAL', message};
}
