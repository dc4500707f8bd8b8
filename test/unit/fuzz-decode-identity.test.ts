/**
 * Property tests for what users type: firmware versions (decode), IMEIs and serials. Any input
 * gives a value or the project's typed error (UsageError, INVALID_IMEI), never a TypeError.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {allModels} from '../../source/core/catalog/models.js';
import {FusdeckError, UsageError} from '../../source/core/errors.js';
import {classifyDeviceId} from '../../source/core/identity/device-id.js';
import {checkImei, generateImei} from '../../source/core/identity/imei.js';
import {isLuhnValid, luhnCheckDigit} from '../../source/core/identity/luhn.js';
import {checkSerial} from '../../source/core/identity/serial.js';
import {normaliseDeviceId} from '../../source/core/store/device-id.js';
import {compareVersions, decodeComponent, decodeVersion, normaliseVersion} from '../../source/core/versions/decode.js';
import {fuzzParameters, hostileText} from '../helpers/fuzz.js';

/** The value, or the typed error it threw; any other throw fails the property. */
function typed<T>(run: () => T, code: string): T | FusdeckError {
	try {
		return run();
	} catch (error) {
		assert.ok(error instanceof FusdeckError && error.code === code, `expected ${code}, got ${String(error)}`);
		assert.ok(error.message.length < 600, 'messages stay short');
		return error;
	}
}

const chars = (alphabet: string) => fc.constantFrom(...alphabet);
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const base36 = '0123456789' + letters;

/** A PDA-style component with known parts: model, region, update type, bootloader, OS, year, month, build. */
const component = fc.record({
	model: fc.tuple(chars(letters), fc.string({unit: chars('0123456789'), minLength: 3, maxLength: 3}), fc.string({unit: chars(base36), maxLength: 3}))
		.map(([first, digits, rest]) => first + digits + rest),
	region: fc.string({unit: chars(letters), minLength: 2, maxLength: 2}).filter(region => !region.startsWith('O')),
	type: fc.constantFrom('S', 'U'),
	bootloader: chars(base36),
	os: chars(letters),
	year: chars(letters),
	month: chars('ABCDEFGHIJKL'),
	build: chars(base36),
});
type Parts = {model: string; region: string; type: string; bootloader: string; os: string; year: string; month: string; build: string};
const componentText = (c: Parts) => c.model + c.region + c.type + c.bootloader + c.os + c.year + c.month + c.build;

const versionLike = fc.oneof(
	hostileText(60),
	fc.array(fc.oneof(hostileText(16), component.map(componentText)), {maxLength: 5}).map(parts => parts.join('/')),
);

test('decodeComponent returns a decoding within range or throws USAGE, for any input', () => {
	fc.assert(fc.property(fc.oneof(hostileText(40), component.map(componentText)), fc.constantFrom('auto', 'pda', 'csc', 'modem') as fc.Arbitrary<'auto' | 'pda' | 'csc' | 'modem'>, (input, kind) => {
		const decoded = typed(() => decodeComponent(input, kind), 'USAGE');
		if (!(decoded instanceof FusdeckError)) {
			assert.ok(decoded.month >= 1 && decoded.month <= 12);
			assert.ok(decoded.year >= 2001 && decoded.year <= 2026);
			assert.ok(decoded.bootloader >= 0 && decoded.bootloader < 36);
			assert.ok(decoded.build >= 0 && decoded.build < 36);
			assert.equal(decoded.text, input.trim().toUpperCase());
		}
	}), fuzzParameters(1000));
});

test('a well-formed PDA decodes to exactly the parts it was made of', () => {
	fc.assert(fc.property(component, parts => {
		const decoded = decodeComponent(componentText(parts), 'pda');
		assert.equal(decoded.model, parts.model);
		assert.equal(decoded.region, parts.region);
		assert.equal(decoded.updateType, parts.type);
		assert.equal(decoded.bootloader, Number.parseInt(parts.bootloader, 36));
		assert.equal(decoded.year, 2001 + letters.indexOf(parts.year));
		assert.equal(decoded.month, 1 + letters.indexOf(parts.month));
		assert.equal(decoded.build, Number.parseInt(parts.build, 36));
	}), fuzzParameters(500));
});

test('normaliseVersion, decodeVersion and compareVersions return or throw USAGE, for any input', () => {
	fc.assert(fc.property(versionLike, versionLike, (a, b) => {
		typed(() => normaliseVersion(a), 'USAGE');
		typed(() => decodeVersion(a), 'USAGE');
		const order = typed(() => compareVersions(a, b), 'USAGE');
		if (typeof order === 'number') {
			assert.ok([-1, 0, 1].includes(order));
			assert.equal(compareVersions(b, a), -order || 0, 'the order is antisymmetric');
		}
	}), fuzzParameters(1000));
});

test('checkImei and checkSerial never throw on any text; classifyDeviceId always says what it is', () => {
	fc.assert(fc.property(fc.oneof(hostileText(30), fc.string({unit: chars('0123456789 -'), maxLength: 20})), input => {
		const imei = checkImei(input);
		assert.equal(imei.ok, imei.problems.length === 0);
		const serial = checkSerial(input);
		assert.equal(serial.ok, serial.problems.length === 0);
		const kind = classifyDeviceId(input);
		assert.ok(kind.kind !== 'invalid' || kind.message.length > 0);
		typed(() => normaliseDeviceId(input), 'INVALID_IMEI');
	}), fuzzParameters(1000));
});

test('checkImei against any model string returns a check or throws USAGE for an unknown model', () => {
	const someModels = allModels().slice(0, 200).map(model => model.model);
	fc.assert(fc.property(fc.string({unit: chars('0123456789'), minLength: 14, maxLength: 16}), fc.oneof(fc.constantFrom(...someModels), hostileText(12)), (digits, model) => {
		typed(() => checkImei(digits, model), 'USAGE');
	}), fuzzParameters(500));
});

test('Luhn: a generated IMEI is valid, and changing any one digit makes it invalid', () => {
	fc.assert(fc.property(fc.string({unit: chars('0123456789'), minLength: 14, maxLength: 14}), fc.nat({max: 14}), fc.integer({min: 1, max: 9}), (body, position, delta) => {
		const imei = body + String(luhnCheckDigit(body));
		assert.ok(isLuhnValid(imei));
		assert.ok(checkImei(imei).ok);
		const changed = imei.slice(0, position) + String((Number(imei[position]) + delta) % 10) + imei.slice(position + 1);
		assert.equal(isLuhnValid(changed), false);
	}), fuzzParameters(1000));
});

test('generateImei for any catalog model gives an IMEI that checks out for it, or says why it cannot', () => {
	const models = allModels();
	fc.assert(fc.property(fc.nat({max: models.length - 1}), fc.double({min: 0, max: 1, maxExcluded: true, noNaN: true}), (index, random) => {
		const model = models[index]!;
		try {
			const {imei} = generateImei(model, () => random);
			assert.ok(checkImei(imei, model).ok, `${imei} for ${model.model}`);
		} catch (error) {
			assert.ok(error instanceof UsageError, String(error));
		}
	}), fuzzParameters(300));
});
