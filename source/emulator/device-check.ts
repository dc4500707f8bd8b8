/** What classic FUS checks of DEVICE_IMEI_PUSH: a Luhn-valid IMEI of the model, or a serial for Wi-Fi models. */
import {isLuhnValid} from '../core/identity/luhn.js';
import type {EmulatorModel} from './catalog.js';

export function deviceIdAccepted(deviceId: string | undefined, entry: EmulatorModel): boolean {
	if (!deviceId) {
		return false;
	}

	if (entry.wifiOnly) {
		return /^R[A-Z0-9]{10}$/.test(deviceId);
	}

	return /^\d{15}$/.test(deviceId) && isLuhnValid(deviceId) && entry.tacs.includes(deviceId.slice(0, 8));
}
