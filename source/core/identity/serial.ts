import {quote} from '../quote.js';

/**
 * Samsung serial numbers, which identify devices without a modem (Wi-Fi tablets, Bluetooth
 * watches) and are accepted where an IMEI is asked. Public decodings (see
 * catalog/data/README.md) agree on 11 characters, e.g. "R58M315CL4T":
 *   R       product group: phones, tablets and wearables all use R
 *   58      factory and line
 *   M       year letter (a rotating alphabet)
 *   3       month: 1–9, then A, B, C
 *   15CL4T  unit number
 */
export type SerialCheck = {ok: boolean; problems: string[]; warnings: string[]; serial: string};

const monthCodes = '123456789ABC';

export function normaliseSerial(input: string): string {
	return input.trim().replaceAll(/[\s-]/g, '').toUpperCase();
}

export function checkSerial(input: string): SerialCheck {
	const serial = normaliseSerial(input);
	const problems: string[] = [];
	const warnings: string[] = [];
	const stray = [...new Set([...serial].filter(c => !/[A-Z\d]/.test(c)))];
	if (stray.length > 0) {
		problems.push(`a serial number has only letters and digits, but this one contains ${stray.slice(0, 8).map(c => quote(c)).join(', ')}`);
	}

	if (serial.length !== 11) {
		problems.push(`a Samsung serial number has 11 characters, but ${serial.length} were given; copy it from Settings › About › Serial number, or from the label on the box`);
	}

	if (problems.length === 0) {
		if (!serial.startsWith('R')) {
			warnings.push(`Galaxy phones, tablets and watches have serials starting with R; ${quote(serial[0])} is unusual, so check that this is the device's serial number`);
		} else if (!monthCodes.includes(serial[4]!)) {
			warnings.push(`the 5th character of a Samsung serial is the month of manufacture (1–9, A–C); ${quote(serial[4])} is unusual, so check for a typo`);
		}
	}

	return {ok: problems.length === 0, problems, warnings, serial};
}
