import {checkImei, normaliseImei} from './imei.js';
import {checkSerial, normaliseSerial} from './serial.js';

export type DeviceIdKind =
	| {kind: 'imei'; value: string}
	| {kind: 'serial'; value: string}
	| {kind: 'invalid'; message: string};

/**
 * Tells an IMEI (15 digits, Luhn-valid) from a Samsung serial number (11 letters and digits),
 * and says what is wrong with anything that is neither. Only the shape is judged here; whether
 * an IMEI fits a model is checkImei's job.
 */
export function classifyDeviceId(input: string): DeviceIdKind {
	const compact = normaliseImei(input);
	if (compact === '') {
		return {kind: 'invalid', message: 'no device id was given: give the 15-digit IMEI (dial *#06#) or the 11-character serial number (Settings › About)'};
	}

	if (/^\d+$/.test(compact)) {
		const check = checkImei(compact);
		return check.ok ? {kind: 'imei', value: compact} : {kind: 'invalid', message: check.problems.join('; ')};
	}

	if (/^[a-z\d]+$/i.test(compact) && /[a-z]/i.test(compact)) {
		const check = checkSerial(compact);
		return check.ok
			? {kind: 'serial', value: normaliseSerial(compact)}
			: {kind: 'invalid', message: `neither an IMEI (15 digits) nor a serial number: ${check.problems.join('; ')}`};
	}

	return {kind: 'invalid', message: 'a device id is either a 15-digit IMEI or an 11-character serial number of letters and digits; this is neither'};
}
