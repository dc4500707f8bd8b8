import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {deviceIdsInArgv, maskDeviceId, redactDeviceIds} from '../../source/core/identity/mask.js';
import {luhnCheckDigit} from '../../source/core/identity/luhn.js';
import {fuzzParameters} from '../helpers/fuzz.js';

const imei = '351234567890124';

test('an IMEI keeps its TAC and last digit; the six serial digits are hidden', () => {
	assert.equal(maskDeviceId(imei), '35123456••••••4');
	assert.equal(maskDeviceId(` ${imei} `), '35123456••••••4');
	assert.equal(maskDeviceId('3512345678901234'), '35123456•••••••4', 'an IMEISV');
});

test('a serial keeps four characters and its last; short ids are hidden entirely', () => {
	assert.equal(maskDeviceId('R58M315CL4T'), 'R58M••••••T');
	assert.equal(maskDeviceId('35123456789'), '3512••••••9');
	assert.equal(maskDeviceId('1234567'), '•••••••');
	assert.equal(maskDeviceId(''), '');
});

test('for any IMEI the serial part (digits 9–14) never survives masking', () => {
	fc.assert(fc.property(fc.string({unit: fc.constantFrom(...'0123456789'), minLength: 14, maxLength: 14}), body => {
		const id = body + String(luhnCheckDigit(body));
		const masked = maskDeviceId(id);
		assert.equal(masked.length, 15);
		assert.equal(masked.slice(8, 14), '••••••');
		assert.ok(!redactDeviceIds(`sent ${id} to FUS`).includes(id));
	}), fuzzParameters(300));
});

test('redaction masks IMEI-shaped runs and known ids in any case or spacing, and leaves other numbers alone', () => {
	assert.equal(redactDeviceIds(`IMEI ${imei}, size 9876543210`), 'IMEI 35123456••••••4, size 9876543210');
	assert.equal(redactDeviceIds('SM-S918B_1_20251103021001_k6hk0664tq_fac.zip'), 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip', 'a 14-digit stamp is not an IMEI');
	assert.equal(redactDeviceIds('"r58m315cl4t" is not a model code', ['r58m315cl4t']), '"r58m••••••t" is not a model code');
	assert.equal(redactDeviceIds('serial R58M315CL4T', ['r58m315cl4t']), 'serial R58M••••••T');
	assert.equal(redactDeviceIds('typed 35-123456-789012-4', ['35-123456-789012-4']), 'typed 35-1•••••••••••••4');
	assert.equal(redactDeviceIds('a typo 35123456789012', ['35123456789012']), 'a typo 3512•••••••••2');
});

test('the ids of a command line: --imei and --check values, and IMEI- or serial-shaped words', () => {
	assert.deepEqual(deviceIdsInArgv(['download', 'SM-S918B', 'EUX', '--imei', 'r58m315cl4t']), ['r58m315cl4t', 'r58m315cl4t']);
	assert.deepEqual(deviceIdsInArgv(['download', '--imei=ABC']), ['ABC']);
	assert.deepEqual(deviceIdsInArgv(['imei', '--check', '35 1234 5678 9012 4']), ['35 1234 5678 9012 4', '35 1234 5678 9012 4']);
	assert.deepEqual(deviceIdsInArgv(['check', imei, 'EUX']), [imei]);
	assert.deepEqual(deviceIdsInArgv(['check', 'SM-S918B', 'EUX', '--timeout', '30', '--fota-url', 'http://127.0.0.1:8080']), []);
	assert.deepEqual(deviceIdsInArgv(['decode', 'S918BXXS8DYK1']), []);
});
