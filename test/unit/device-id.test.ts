import {test} from 'node:test';
import assert from 'node:assert/strict';
import {classifyDeviceId} from '../../source/core/identity/device-id.js';
import {checkSerial} from '../../source/core/identity/serial.js';

test('a well-formed serial starting with R passes without warnings', () => {
	const result = checkSerial('r58m315cl4t');
	assert.equal(result.ok, true);
	assert.equal(result.serial, 'R58M315CL4T');
	assert.deepEqual(result.warnings, []);
});

test('a serial of the wrong length says that 11 characters are needed', () => {
	const result = checkSerial('R58M315CL4');
	assert.equal(result.ok, false);
	assert.match(result.problems.join('\n'), /11 characters, but 10 were given/);
});

test('a serial not starting with R, or with an odd month character, only warns', () => {
	assert.match(checkSerial('X58M315CL4T').warnings.join('\n'), /starting with R/);
	assert.match(checkSerial('R58MZ15CL4T').warnings.join('\n'), /month of manufacture/);
	assert.equal(checkSerial('X58M315CL4T').ok, true);
});

test('classifyDeviceId tells an IMEI from a serial', () => {
	assert.deepEqual(classifyDeviceId('490154203237518'), {kind: 'imei', value: '490154203237518'});
	assert.deepEqual(classifyDeviceId(' R58M315CL4T '), {kind: 'serial', value: 'R58M315CL4T'});
});

test('classifyDeviceId explains what is wrong with anything else', () => {
	const cases: Array<[string, RegExp]> = [
		['', /no device id was given/],
		['49015420323751', /15 digits, but 14 were given/],
		['490154203237519', /check digit/],
		['R58M315', /11 characters/],
		['R58M315CL4T!', /neither/],
	];
	for (const [input, message] of cases) {
		const result = classifyDeviceId(input);
		assert.equal(result.kind, 'invalid', input);
		assert.match(result.kind === 'invalid' ? result.message : '', message, input);
	}
});
