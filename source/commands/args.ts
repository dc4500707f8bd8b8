import {UsageError} from '../core/errors.js';
import type {ProtocolChoice} from '../core/fus/open-download.js';
import {quote} from '../core/quote.js';

/**
 * Refuses words past the `names` a command takes, so that nothing typed is silently ignored (a second
 * CSC given to check would otherwise look checked).
 */
export function noMoreArgs(command: string, positionals: readonly string[], names: readonly string[], hint = `See: fusdeck ${command} --help`): void {
	if (positionals.length > names.length) {
		throw new UsageError(`${command} takes ${names.join(' and ')}, not also ${quote(positionals[names.length])}. ${hint}`);
	}
}

/** Model codes as FUS knows them: SM-S918B, SM-X710, SM-R960, also EK-/SCH- style codes. */
export function modelArg(value: string | undefined, command: string): string {
	const model = value?.trim().toUpperCase();
	if (!model) {
		throw new UsageError(`${command}: give a model code such as SM-S918B (find one with: fusdeck models s23)`);
	}

	if (!/^[A-Z]{2,4}-[A-Z0-9]{3,12}$/.test(model)) {
		throw new UsageError(`${command}: ${quote(value)} is not a model code; model codes look like SM-S918B (search: fusdeck models ${quote(value)})`);
	}

	return model;
}

export function cscArg(value: string | undefined, command: string): string {
	const csc = value?.trim().toUpperCase();
	if (!csc) {
		throw new UsageError(`${command}: give a CSC (region code) such as EUX or XAA (list them: fusdeck cscs)`);
	}

	if (!/^[A-Z0-9]{3}$/.test(csc)) {
		throw new UsageError(`${command}: ${quote(value)} is not a CSC; CSCs are three letters or digits, such as EUX, XEF or BTU`);
	}

	return csc;
}

export function protocolArg(value: string | undefined, fallback: ProtocolChoice = 'auto'): ProtocolChoice {
	if (value === undefined) {
		return fallback;
	}

	if (value === 'auto' || value === 'smart' || value === 'classic') {
		return value;
	}

	throw new UsageError(`--protocol takes smart, classic or auto, not ${quote(value)}`);
}
