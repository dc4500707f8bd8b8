/**
 * Hides the serial part of an IMEI for output that may be shared (logs, screenshots):
 * "351234567890123" → "3512345••••••23". The TAC stays readable, since it names the model.
 */
export function maskImei(imei: string): string {
	if (imei.length < 10) {
		return imei.slice(0, 2) + '•'.repeat(Math.max(0, imei.length - 2));
	}

	return imei.slice(0, 7) + '•'.repeat(imei.length - 9) + imei.slice(-2);
}

/** The same idea for serial numbers: "R58M315CL4T" → "R58M•••••4T". */
export function maskSerial(serial: string): string {
	if (serial.length < 7) {
		return '•'.repeat(serial.length);
	}

	return serial.slice(0, 4) + '•'.repeat(serial.length - 6) + serial.slice(-2);
}
