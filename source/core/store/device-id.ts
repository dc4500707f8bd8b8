import {FusdeckError} from '../errors.js';

/**
 * Device ids as the settings keep them: an IMEI (15 digits, Luhn check digit) or a serial
 * (11 letters and digits). A small Luhn lives here so the store stands alone; the identity
 * module's richer validation (TAC per model) can replace it later.
 */
export type DeviceIdKind = 'imei' | 'serial';

export function luhnValid(digits: string): boolean {
	if (!/^\d+$/.test(digits)) {
		return false;
	}

	let sum = 0;
	for (let index = 0; index < digits.length; index++) {
		let digit = Number(digits[digits.length - 1 - index]);
		if (index % 2 === 1) {
			digit *= 2;
			if (digit > 9) {
				digit -= 9;
			}
		}

		sum += digit;
	}

	return sum % 10 === 0;
}

/** Trims and upper-cases, then checks; throws INVALID_IMEI with a message that says what is wrong. */
export function normaliseDeviceId(raw: string, model?: string): {id: string; kind: DeviceIdKind} {
	const id = raw.trim().toUpperCase();
	if (/^\d{15}$/.test(id)) {
		if (!luhnValid(id)) {
			throw invalid(`the IMEI ${maskDeviceId(id)} fails its check digit (Luhn); check the 15 digits from *#06#`, model);
		}

		return {id, kind: 'imei'};
	}

	if (/^\d+$/.test(id)) {
		throw invalid(`an IMEI has 15 digits, this one has ${id.length}`, model);
	}

	if (/^[A-Z0-9]{11}$/.test(id)) {
		return {id, kind: 'serial'};
	}

	throw invalid('a device id is an IMEI (15 digits) or a serial number (11 letters and digits)', model);
}

/** Hides the middle of an id for display: 351234567890123 → 3512••••••••123. */
export function maskDeviceId(id: string): string {
	if (id.length <= 7) {
		return '•'.repeat(id.length);
	}

	return id.slice(0, 4) + '•'.repeat(id.length - 7) + id.slice(-3);
}

function invalid(message: string, model: string | undefined): FusdeckError {
	return new FusdeckError('INVALID_IMEI', message, {stage: 'input', ...(model ? {model} : {})});
}
