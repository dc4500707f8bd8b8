import {FusdeckError} from '../errors.js';
import {isLuhnValid} from '../identity/luhn.js';
import {maskDeviceId} from '../identity/mask.js';

/**
 * Device ids as the settings keep them: an IMEI (15 digits, Luhn check digit) or a serial
 * (11 letters and digits).
 */
export type DeviceIdKind = 'imei' | 'serial';

/** Trims and upper-cases, then checks; throws INVALID_IMEI with a message that says what is wrong. */
export function normaliseDeviceId(raw: string, model?: string): {id: string; kind: DeviceIdKind} {
	const id = raw.trim().toUpperCase();
	if (/^\d{15}$/.test(id)) {
		if (!isLuhnValid(id)) {
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

function invalid(message: string, model: string | undefined): FusdeckError {
	return new FusdeckError('INVALID_IMEI', message, {stage: 'input', ...(model ? {model} : {})});
}
