/**
 * The Luhn check digit (ISO/IEC 7812) that ends every IMEI: from the rightmost digit of the
 * body, every second digit is doubled (a two-digit result counts as its digit sum), and the
 * check digit brings the total up to a multiple of ten.
 */
export function luhnCheckDigit(body: string): number {
	if (!/^\d+$/.test(body)) {
		throw new TypeError(`luhnCheckDigit wants digits only, not "${body}"`);
	}

	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		let digit = body.charCodeAt(body.length - 1 - i) - 48;
		// The digit next to the check digit is doubled, then every second one to the left.
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) {
				digit -= 9;
			}
		}

		sum += digit;
	}

	return (10 - (sum % 10)) % 10;
}

/** Whether a digit string ends in its correct Luhn check digit. */
export function isLuhnValid(digits: string): boolean {
	return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}
