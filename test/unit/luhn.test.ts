import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {isLuhnValid, luhnCheckDigit} from '../../source/core/identity/luhn.js';

test('the check digit of 49015420323751 is 8 (worked by hand)', () => {
	// Right to left, doubling the 1st, 3rd, 5th… digit of the body (the one next to the check digit first):
	//   doubled 1,7,2,0,4,1,9 → 2,14→5,4,0,8,2,18→9 = 30; kept 5,3,3,2,5,0,4 = 22; 30 + 22 = 52 → (10 - 2) % 10 = 8.
	assert.equal(luhnCheckDigit('49015420323751'), 8);
	assert.ok(isLuhnValid('490154203237518'));
});

test('the check digit of 35124757000000 is 2 (worked by hand)', () => {
	//   doubled 0,0,0,7,7,2,5 → 0,0,0,5,5,4,1 = 15; kept 0,0,0,5,4,1,3 = 13; 15 + 13 = 28 → 2.
	assert.equal(luhnCheckDigit('35124757000000'), 2);
	assert.ok(isLuhnValid('351247570000002'));
});

test('changing any single digit of a valid number breaks the check', () => {
	const valid = '490154203237518';
	for (let i = 0; i < valid.length; i++) {
		const digit = Number(valid[i]);
		const changed = valid.slice(0, i) + String((digit + 1) % 10) + valid.slice(i + 1);
		assert.equal(isLuhnValid(changed), false, changed);
	}
});

test('a body followed by its check digit is always valid', () => {
	fc.assert(fc.property(fc.stringMatching(/^\d{1,20}$/), body => isLuhnValid(body + String(luhnCheckDigit(body)))));
});

test('non-digits are rejected', () => {
	assert.throws(() => luhnCheckDigit('12a4'), TypeError);
	assert.equal(isLuhnValid('49015420323751x'), false);
	assert.equal(isLuhnValid(''), false);
});
