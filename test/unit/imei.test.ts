import {test} from 'node:test';
import assert from 'node:assert/strict';
import {UsageError} from '../../source/core/errors.js';
import {findModel} from '../../source/core/catalog/models.js';
import {checkImei, generateImei} from '../../source/core/identity/imei.js';
import {isLuhnValid, luhnCheckDigit} from '../../source/core/identity/luhn.js';

/** A valid IMEI on one of the model's own TACs. */
function imeiOf(code: string, serial = '123456'): string {
	const tac = findModel(code)!.tacs[0]!;
	return tac + serial + String(luhnCheckDigit(tac + serial));
}

test('a valid IMEI on a TAC of the model passes with no problems or warnings', () => {
	const result = checkImei(imeiOf('SM-S918B'), 'SM-S918B');
	assert.deepEqual(result.problems, []);
	assert.deepEqual(result.warnings, []);
	assert.equal(result.ok, true);
	assert.ok(result.tacModels.some(m => m.model === 'SM-S918B'));
});

test('a wrong length says how many digits were given and that 15 are needed', () => {
	const result = checkImei('35124757123456');
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), /15 digits, but 14 were given/);
});

test('letters are named as the problem', () => {
	const result = checkImei('3512475712345O8');
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), /only digits.*"O"/);
});

test('spaces and dashes from a copied IMEI are ignored', () => {
	const imei = imeiOf('SM-G991B');
	assert.equal(checkImei(`${imei.slice(0, 8)} ${imei.slice(8, 14)}-${imei.slice(14)}`, 'SM-G991B').ok, true);
});

test('a wrong check digit names the digit that is expected', () => {
	const imei = imeiOf('SM-A546B');
	const wrong = imei.slice(0, 14) + String((Number(imei[14]) + 1) % 10);
	const result = checkImei(wrong);
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), new RegExp(`check digit\\) is ${wrong[14]}, but ${imei[14]} is expected`));
});

test('a TAC of another device is an error that names that device', () => {
	const result = checkImei(imeiOf('SM-S918B'), 'SM-G991B');
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), /belongs to Galaxy S23 Ultra \(SM-S918B\), not to SM-G991B \(Galaxy S21\)/);
	assert.match(result.problems.join('\n'), /fusdeck imei SM-G991B/);
});

test('a TAC known only for a sibling regional variant is a warning, not an error', () => {
	const s918b = findModel('SM-S918B')!;
	const siblingTac = findModel('SM-S918U1')!.tacs.find(tac => !s918b.tacs.includes(tac))!;
	const body = siblingTac + '000001';
	const result = checkImei(body + String(luhnCheckDigit(body)), 'SM-S918B');
	assert.equal(result.ok, true);
	assert.match(result.warnings.join('\n'), /another regional variant of Galaxy S23 Ultra/);
});

test('an unknown TAC is a warning that says the catalog list is incomplete', () => {
	const body = '35999999000001';
	const result = checkImei(body + String(luhnCheckDigit(body)), 'SM-S918B');
	assert.equal(result.ok, true);
	assert.match(result.warnings.join('\n'), /not among the \d+ TACs the catalog knows for SM-S918B/);
});

test('an IMEI for a model without a modem is an error pointing to the serial number', () => {
	const result = checkImei(imeiOf('SM-S918B'), 'SM-X710');
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), /no cellular modem.*serial number/);
});

test('a serial number given as an IMEI is recognised as one', () => {
	const result = checkImei('R58M315CL4T');
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), /looks like a Samsung serial number/);
	assert.equal(result.problems.length, 1);
});

test('generateImei builds TAC + 6 serial digits + Luhn digit from an injected random source', () => {
	const {imei, tac, model} = generateImei('SM-S918B', () => 0.5);
	assert.equal(model.model, 'SM-S918B');
	assert.ok(model.tacs.includes(tac));
	assert.ok(imei.startsWith(tac));
	assert.equal(imei.slice(8, 14), '500000');
	assert.ok(isLuhnValid(imei));
	assert.equal(checkImei(imei, 'SM-S918B').ok, true);
});

test('generateImei is deterministic for a given random source and always valid', () => {
	let seed = 7;
	const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
	for (const code of ['SM-S918B', 'SM-G991B', 'SM-A546B', 'SM-F946B']) {
		for (let i = 0; i < 50; i++) {
			const {imei} = generateImei(code, random);
			assert.equal(checkImei(imei, code).ok, true, `${code} ${imei}`);
		}
	}

	assert.equal(generateImei('SM-G991B', () => 0.25).imei, generateImei('SM-G991B', () => 0.25).imei);
});

test('generateImei for a Wi-Fi model says to use the serial number or the Smart protocol', () => {
	assert.throws(() => generateImei('SM-X710'), (error: unknown) => error instanceof UsageError
		&& /no cellular modem/.test(error.message) && /serial number/.test(error.message) && /Smart protocol/.test(error.message));
});

test('generateImei for a model without a known TAC says what to use instead', () => {
	const model = {...findModel('SM-S918B')!, tacs: []};
	assert.throws(() => generateImei(model), /knows no TAC.*own IMEI.*serial number.*Smart protocol/);
});

test('an unknown model code is a usage error naming close matches', () => {
	assert.throws(() => generateImei('SM-S918X'), (error: unknown) => error instanceof UsageError && /Did you mean SM-S918B \(Galaxy S23 Ultra\)/.test(error.message));
});
