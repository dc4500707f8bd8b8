import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {UsageError} from '../../source/core/errors.js';
import {buildDate, compareVersions, decodeComponent, decodeVersion, normaliseVersion} from '../../source/core/versions/decode.js';

const s23 = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';

test('decodes every field of a PDA', () => {
	const pda = decodeComponent('S918BXXS8DYK1');
	assert.deepEqual(
		{kind: pda.kind, model: pda.model, region: pda.region, updateType: pda.updateType, bootloader: pda.bootloader, osLetter: pda.osLetter, oneUiMajor: pda.oneUiMajor, year: pda.year, month: pda.month, build: pda.build},
		{kind: 'pda', model: 'S918B', region: 'XX', updateType: 'S', bootloader: 8, osLetter: 'D', oneUiMajor: 8, year: 2025, month: 11, build: 1},
	);
	assert.equal(pda.updateTypeMeaning, 'security update');
	assert.equal(decodeComponent('G988BXXU4BTH5').updateTypeMeaning, 'update with new features');
});

test('decodes a CSC part with its three-letter region and no update type', () => {
	const csc = decodeComponent('S918BOXM8DYK1');
	assert.equal(csc.kind, 'csc');
	assert.equal(csc.region, 'OXM');
	assert.equal(csc.updateType, null);
	assert.equal(decodeComponent('G9910OZS5EWI1').region, 'OZS');
	assert.equal(decodeComponent('A6060TGY3CUD5').region, 'TGY');
});

test('reads letters as numbers past 9 and years on the A = 2001 sequence', () => {
	assert.equal(decodeComponent('G965FXXUHFVG4').bootloader, 17);
	assert.equal(decodeComponent('N976BXXU8HVGA').build, 10);
	assert.equal(decodeComponent('G925FXXU1AOCV').year, 2015);
	assert.equal(decodeComponent('G960FXXUCFTJ2').year, 2020);
	assert.equal(decodeComponent('S931BXXU4AZA1').year, 2026);
	assert.equal(decodeComponent('G996U1UEU2AUC8').model, 'G996U1');
	assert.equal(decodeComponent('G9910ZHS5EWI1').region, 'ZH');
});

test('normalises: trims, uppercases, repeats the PDA as fourth part, keeps an empty modem', () => {
	assert.equal(normaliseVersion(' s918bxxs8dyk1 / S918BOXM8DYK1/S918BXXS8DYK1 '), s23);
	assert.equal(normaliseVersion('X710XXS4CYK1/X710OXM4CYK1//X710XXS4CYK1'), 'X710XXS4CYK1/X710OXM4CYK1//X710XXS4CYK1');
	assert.equal(normaliseVersion('X710XXS4CYK1/X710OXM4CYK1/'), 'X710XXS4CYK1/X710OXM4CYK1//X710XXS4CYK1');
	assert.equal(decodeVersion('X710XXS4CYK1/X710OXM4CYK1/').modem, null);
});

test('decodes a full version into its four parts', () => {
	const decoded = decodeVersion(s23);
	assert.equal(decoded.version, s23);
	assert.equal(decoded.pda.kind, 'pda');
	assert.equal(decoded.csc.kind, 'csc');
	assert.equal(decoded.modem?.kind, 'modem');
	assert.equal(decoded.bootloaderVersion.kind, 'bootloader');
});

test('garbage is a UsageError with a message that shows the expected shape', () => {
	for (const bad of ['', 'garbage', 'S918BXXS8DYK1', 'a/b', 'a/b/c/d/e', 'S918BXXS8DYM1/S918BOXM8DYK1/', '/S918BOXM8DYK1/S918BXXS8DYK1', 'S5830iXXLF3']) {
		assert.throws(() => normaliseVersion(bad), (error: unknown) => error instanceof UsageError && /S918BXX|PDA/.test(error.message), bad);
	}

	assert.throws(() => decodeComponent('S918BXXS8DYM1'), UsageError, 'month M does not exist');
});

test('orders builds by bootloader, then year, month and build', () => {
	assert.ok(compareVersions('S918BXXU9AYA1', 'S918BXXS8DYK1') > 0, 'higher bootloader wins over a later date');
	assert.ok(compareVersions('S918BXXS8DYK1', 'S918BXXS8DXK1') > 0, 'year');
	assert.ok(compareVersions('S918BXXS8DYK1', 'S918BXXS8DYJ2') > 0, 'month');
	assert.ok(compareVersions('S918BXXS8DYKA', 'S918BXXS8DYK9') > 0, 'build A after 9');
	assert.equal(compareVersions(s23, 'S918BXXS8DYK1'), 0);
	assert.deepEqual(buildDate(s23), {year: 2025, month: 11});
});

test('property: decoding arbitrary strings throws nothing but UsageError', () => {
	const nearVersion = fc.array(fc.constantFrom(...'S918BXOM0123456789ADKLYZ/ ', ''), {maxLength: 70}).map(chars => chars.join(''));
	fc.assert(fc.property(fc.oneof(fc.string(), fc.string({unit: 'binary'}), nearVersion), input => {
		for (const run of [() => normaliseVersion(input), () => decodeVersion(input), () => decodeComponent(input), () => compareVersions(input, s23), () => buildDate(input)]) {
			try {
				run();
			} catch (error) {
				if (!(error instanceof UsageError)) {
					throw error;
				}
			}
		}
	}), {numRuns: 2000});
});

const base36 = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const fields = fc.record({
	model: fc.tuple(fc.constantFrom(...letters), fc.array(fc.constantFrom(...'0123456789'), {minLength: 3, maxLength: 4}), fc.constantFrom('B', 'U1', 'F', '')).map(([a, digits, b]) => a + digits.join('') + b),
	region: fc.array(fc.constantFrom(...'XZKSUV'), {minLength: 2, maxLength: 2}).map(c => c.join('')),
	updateType: fc.constantFrom('S', 'U'),
	bootloader: fc.integer({min: 1, max: 35}),
	osLetter: fc.constantFrom(...letters),
	year: fc.integer({min: 2001, max: 2026}),
	month: fc.integer({min: 1, max: 12}),
	build: fc.integer({min: 1, max: 35}),
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

function encode(f: Fields): string {
	return `${f.model}${f.region}${f.updateType}${base36[f.bootloader]}${f.osLetter}${letters[f.year - 2001]}${letters[f.month - 1]}${base36[f.build]}`;
}

test('property: a generated PDA decodes back to the fields it was made from', () => {
	fc.assert(fc.property(fields, f => {
		const d = decodeComponent(encode(f), 'pda');
		assert.deepEqual(
			{model: d.model, region: d.region, updateType: d.updateType, bootloader: d.bootloader, osLetter: d.osLetter, year: d.year, month: d.month, build: d.build},
			{...f},
		);
	}));
});

test('property: a One UI major is a number from 1 to 8 with no note, or null with a note saying why', () => {
	fc.assert(fc.property(fields, f => {
		const d = decodeComponent(encode(f), 'pda');
		if (d.oneUiMajor === null) {
			assert.ok(d.oneUiNote && d.oneUiNote.length > 0, encode(f));
		} else {
			assert.ok(Number.isInteger(d.oneUiMajor) && d.oneUiMajor >= 1 && d.oneUiMajor <= 8, encode(f));
			assert.equal(d.oneUiNote, null);
		}
	}));
});

test('property: normalising is idempotent and keeps four parts', () => {
	fc.assert(fc.property(fields, fields, fc.boolean(), (a, b, threeParts) => {
		const pda = encode(a);
		const csc = encode({...b, model: a.model}).replace(/^(.*)(..)[SU](.....)$/, (_m, model: string, _r: string, tail: string) => `${model}OXM${tail}`);
		const input = threeParts ? `${pda}/${csc}/${pda}` : `${pda}/${csc}/${pda}/${pda}`;
		const once = normaliseVersion(input.toLowerCase());
		assert.equal(normaliseVersion(once), once);
		assert.equal(once.split('/').length, 4);
	}));
});

test('property: the order is antisymmetric, reflexive and agrees with sorting by the decoded keys', () => {
	fc.assert(fc.property(fields, fields, fields, (a, b, c) => {
		const [x, y, z] = [encode(a), encode(b), encode(c)];
		assert.equal(compareVersions(x, x), 0);
		assert.equal(compareVersions(x, y), -compareVersions(y, x));
		if (compareVersions(x, y) <= 0 && compareVersions(y, z) <= 0) {
			assert.ok(compareVersions(x, z) <= 0);
		}

		const key = (f: Fields) => ((f.bootloader * 100 + f.year - 2000) * 100 + f.month) * 100 + f.build;
		assert.equal(compareVersions(x, y), Math.sign(key(a) - key(b)));
	}));
});
