/** What classic FUS checks of DEVICE_IMEI_PUSH: a Luhn-valid IMEI of the model, or a serial for Wi-Fi models. */
import type {EmulatorModel} from './catalog.js';

export function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) {
				digit -= 9;
			}
		}

		sum += digit;
	}

	return sum % 10 === 0;
}

export function deviceIdAccepted(deviceId: string | undefined, entry: EmulatorModel): boolean {
	if (!deviceId) {
		return false;
	}

	if (entry.wifiOnly) {
		return /^R[A-Z0-9]{10}$/.test(deviceId);
	}

	return /^\d{15}$/.test(deviceId) && luhnValid(deviceId) && entry.tacs.includes(deviceId.slice(0, 8));
}
