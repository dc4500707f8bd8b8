import {UsageError} from '../errors.js';
import type {CatalogModel} from '../catalog/model.js';
import {modelsWithTac} from '../catalog/models.js';
import {requireModel} from '../catalog/resolve.js';
import {isLuhnValid, luhnCheckDigit} from './luhn.js';
import {quote} from '../quote.js';

export type ImeiCheck = {
	/** False when the IMEI is malformed or belongs to another model. */
	ok: boolean;
	/** What makes the IMEI unusable, each with what to do about it. */
	problems: string[];
	/** Doubts that do not make it unusable (an unknown TAC, a sibling variant's TAC). */
	warnings: string[];
	/** The digits as checked (spaces and dashes removed). */
	digits: string;
	/** The first 8 digits, when there are that many digits. */
	tac?: string;
	/** Catalog models that list this TAC. */
	tacModels: readonly CatalogModel[];
};

/** Spaces and dashes are how people copy IMEIs from boxes and screens; they carry no meaning. */
export function normaliseImei(input: string): string {
	return input.trim().replaceAll(/[\s-]/g, '');
}

/**
 * Says everything that is wrong with an IMEI, optionally for a given model: length, stray
 * characters, the check digit, and whether its TAC (first 8 digits) fits the model.
 */
export function checkImei(imei: string, model?: string | CatalogModel): ImeiCheck {
	const digits = normaliseImei(imei);
	const problems: string[] = [];
	const warnings: string[] = [];
	const stray = [...digits].filter(c => !/\d/.test(c));
	const looksLikeSerial = stray.length > 0 && /^[a-z\d]{11}$/i.test(digits);
	if (looksLikeSerial) {
		problems.push('this looks like a Samsung serial number (11 letters and digits), not an IMEI; a serial identifies the device too, so give it where a serial is asked');
	} else if (stray.length > 0) {
		problems.push(`an IMEI has only digits, but this one contains ${[...new Set(stray)].slice(0, 8).map(c => quote(c)).join(', ')}; copy the 15 digits from Settings › About phone, or dial *#06#`);
	}

	const count = digits.length - stray.length;
	if (count !== 15 && !looksLikeSerial) {
		problems.push(`an IMEI has 15 digits, but ${count} ${count === 1 ? 'was' : 'were'} given; copy all 15 from Settings › About phone, or dial *#06#`);
	} else if (stray.length === 0 && !isLuhnValid(digits)) {
		const expected = luhnCheckDigit(digits.slice(0, 14));
		problems.push(`the last digit (check digit) is ${digits[14]}, but ${expected} is expected for the first 14 digits; one of the digits is probably mistyped`);
	}

	const tac = /^\d{8}/.test(digits) ? digits.slice(0, 8) : undefined;
	const tacModels = tac ? modelsWithTac(tac) : [];
	const target = typeof model === 'string' ? requireModel(model) : model;
	if (target && tac) {
		checkTacFits(target, tac, tacModels, problems, warnings);
	}

	return {ok: problems.length === 0, problems, warnings, digits, tac, tacModels};
}

function checkTacFits(model: CatalogModel, tac: string, owners: readonly CatalogModel[], problems: string[], warnings: string[]) {
	const label = `${model.model} (${model.name})`;
	if (model.wifiOnly) {
		problems.push(`${label} has no cellular modem, so it has no IMEI; use its serial number (Settings › About › Serial number) instead`);
		return;
	}

	if (model.tacs.includes(tac)) {
		return;
	}

	const sameDevice = owners.filter(owner => owner.name === model.name);
	if (sameDevice.length > 0) {
		warnings.push(`TAC ${tac} is known for ${sameDevice.map(o => o.model).join(', ')}, another regional variant of ${model.name}, not for ${model.model} itself; the server may still accept it`);
	} else if (owners.length > 0) {
		const other = owners[0]!;
		problems.push(`TAC ${tac} belongs to ${other.name} (${other.model}), not to ${label}; use this device's own IMEI, or generate one with: fusdeck imei ${model.model}`);
	} else if (model.tacs.length === 0) {
		warnings.push(`the catalog knows no TAC for ${label}, so the TAC ${tac} could not be checked`);
	} else {
		warnings.push(`TAC ${tac} is not among the ${model.tacs.length} TACs the catalog knows for ${label}; a real device can have a TAC the catalog lacks, but check for a typo in the first 8 digits`);
	}
}

/** A random source in [0, 1), like Math.random; tests pass a seeded one. */
export type RandomSource = () => number;

/**
 * A plausible IMEI for the model: one of its known TACs, six random serial digits and the
 * Luhn check digit. Models without a modem or without a known TAC get a usage error saying
 * what to use instead.
 */
export function generateImei(model: string | CatalogModel, random: RandomSource = Math.random): {imei: string; tac: string; model: CatalogModel} {
	const target = typeof model === 'string' ? requireModel(model) : model;
	const label = `${target.model} (${target.name})`;
	if (target.wifiOnly) {
		throw new UsageError(`${label} has no cellular modem, so it has no IMEI. Use the device's serial number (Settings › About › Serial number), or the Smart protocol, which needs no device id`, {model: target.model});
	}

	const tacs = preferredTacs(target);
	if (tacs.length === 0) {
		throw new UsageError(`the catalog knows no TAC for ${label}, so no plausible IMEI can be made. Use the device's own IMEI (dial *#06#) or its serial number (Settings › About), or the Smart protocol, which needs no device id`, {model: target.model});
	}

	const tac = tacs[pick(random, tacs.length)]!;
	const serial = String(pick(random, 1_000_000)).padStart(6, '0');
	const body = tac + serial;
	return {imei: body + String(luhnCheckDigit(body)), tac, model: target};
}

/** TACs only this device lists come first: a TAC shared with another device is a weaker claim. */
function preferredTacs(model: CatalogModel): string[] {
	const own = model.tacs.filter(tac => modelsWithTac(tac).every(owner => owner.name === model.name));
	return own.length > 0 ? own : model.tacs;
}

function pick(random: RandomSource, size: number): number {
	return Math.min(size - 1, Math.max(0, Math.floor(random() * size)));
}
