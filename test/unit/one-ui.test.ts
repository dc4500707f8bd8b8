import {test} from 'node:test';
import assert from 'node:assert/strict';
import {launchOs, modelFamily, modelForFirmware} from '../../source/core/catalog/launch-os.js';
import {estimateOneUi, oneUiForAndroid} from '../../source/core/versions/one-ui.js';
import {decodeComponent} from '../../source/core/versions/decode.js';

test('One UI majors follow Android from 9 (One UI 1) to 16 (One UI 8); Samsung Experience and unknown Androids have none', () => {
	assert.deepEqual([9, 10, 11, 12, 13, 14, 15, 16].map(oneUiForAndroid), [1, 2, 3, 4, 5, 6, 7, 8]);
	assert.equal(oneUiForAndroid(8), null);
	assert.equal(oneUiForAndroid(17), null);
});

test('the model part of a firmware version finds its catalog model, and unlisted variants their family', () => {
	assert.equal(modelForFirmware('S918B')?.model, 'SM-S918B');
	assert.equal(modelForFirmware('G998U1')?.model, 'SM-G998U1');
	assert.equal(modelFamily('S9180'), 'S918');
	assert.equal(modelForFirmware('S918Q')?.name, 'Galaxy S23 Ultra');
	assert.equal(modelForFirmware('Q999B'), undefined);
});

test('a known model: launch Android plus the letter index gives the One UI major', () => {
	assert.deepEqual(estimateOneUi({model: 'S918B', osLetter: 'A', year: 2023, month: 2}), {major: 5, android: 13, reason: null});
	assert.equal(estimateOneUi({model: 'S918B', osLetter: 'D', year: 2025, month: 11}).major, 8);
	assert.equal(estimateOneUi({model: 'G998U1', osLetter: 'A', year: 2021, month: 3}).major, 3);
	assert.equal(decodeComponent('S931BXXU4BYI1').oneUiMajor, 8);
});

test('budget, tablet and older families have launch data too', () => {
	// A715FXXUADWH4 is an Android 13 build of the Galaxy A71 (launched with Android 10).
	assert.deepEqual(estimateOneUi({model: 'A715F', osLetter: 'D', year: 2023, month: 8}), {major: 5, android: 13, reason: null});
	assert.equal(estimateOneUi({model: 'A035F', osLetter: 'B', year: 2022, month: 9}).major, 4);
	assert.equal(estimateOneUi({model: 'X910', osLetter: 'A', year: 2023, month: 8}).major, 5);
	const tabS3 = estimateOneUi({model: 'T820', osLetter: 'A', year: 2017, month: 3});
	assert.equal(tabS3.android, 7);
	assert.match(tabS3.reason ?? '', /Samsung Experience/);
	assert.equal(estimateOneUi({model: 'T820', osLetter: 'C', year: 2019, month: 6}).major, 1);
});

test('2024–2025 families: the One UI 8 builds named in the data README read as One UI 8', () => {
	// Launched on Android 14, letter C two updates later (Android 16): Galaxy A06, M55, M55s.
	for (const build of ['A065FXXU7CYJ8', 'M556BXXU4CYJ4', 'M558BXXU2CYJ4']) {
		assert.equal(decodeComponent(build).oneUiMajor, 8, build);
	}

	// Launched on Android 15 (S25 Edge, A17 5G) and 16 (S25 FE, Tab S11, Z TriFold).
	assert.equal(estimateOneUi({model: 'S937B', osLetter: 'A', year: 2025, month: 5}).major, 7);
	assert.equal(estimateOneUi({model: 'A176B', osLetter: 'B', year: 2025, month: 11}).major, 8);
	assert.equal(estimateOneUi({model: 'S731B', osLetter: 'A', year: 2025, month: 9}).major, 8);
	assert.equal(estimateOneUi({model: 'X930', osLetter: 'A', year: 2025, month: 9}).major, 8);
	assert.equal(estimateOneUi({model: 'F968B', osLetter: 'A', year: 2025, month: 12}).major, 8);
});

test('third-pass families: the builds named in the data README read as their One UI', () => {
	// Tab S10 FE+ on its launch Android 15 (letter A); A07 and Tab A11 on One UI 8 (letter B, Android 16).
	assert.equal(decodeComponent('X620XXU3AYE1').oneUiMajor, 7);
	assert.equal(decodeComponent('X520XXS2AYD3').oneUiMajor, 7);
	assert.equal(decodeComponent('A075FXXS3BYH2').oneUiMajor, 8);
	assert.equal(decodeComponent('X135FXXS3BZA3').oneUiMajor, 8);
	// M05 and F05: launched on Android 14, so letter C is their One UI 8 (Android 16).
	assert.equal(estimateOneUi({model: 'M055F', osLetter: 'C', year: 2025, month: 10}).major, 8);
	assert.equal(estimateOneUi({model: 'E366B', osLetter: 'A', year: 2025, month: 7}).major, 7);
});

test('a Samsung Experience build has no One UI major; the same model after the Android 9 update has', () => {
	const oreo = estimateOneUi({model: 'G960F', osLetter: 'A', year: 2018, month: 3});
	assert.equal(oreo.major, null);
	assert.equal(oreo.android, 8);
	assert.match(oreo.reason ?? '', /Samsung Experience/);
	assert.equal(estimateOneUi({model: 'G960F', osLetter: 'C', year: 2020, month: 2}).major, 2);
});

test('a beta (letter Z) has no One UI major', () => {
	const beta = decodeComponent('S918BXXU1ZWBD');
	assert.equal(beta.oneUiMajor, null);
	assert.match(beta.oneUiNote ?? '', /beta/);
});

test('a letter that ran ahead of Android releases (it also moves on point releases) gives no answer', () => {
	// G988BXXU4BTH5 is One UI 2.5 (Android 10) on the S20 Ultra, yet its letter is B.
	const s20 = decodeComponent('G988BXXU4BTH5');
	assert.equal(s20.oneUiMajor, null);
	assert.match(s20.oneUiNote ?? '', /Android 11, which did not exist when it was built \(2020-08\)/);
	assert.equal(decodeComponent('G965FXXUHFVG4').oneUiMajor, null);
});

test('unknown models, models without launch data and watches have no One UI major, each with its reason', () => {
	assert.match(decodeComponent('Q999BXXU1AYA1').oneUiNote ?? '', /Q999B is not a model in the catalog/);
	assert.match(decodeComponent('A515FXXU4EUD7').oneUiNote ?? '', /does not know which Android the Galaxy A51 launched with/);
	// Left out on purpose: with the A05's launch Android 13, this September 2024 build's C would read as Android 15.
	assert.equal(decodeComponent('A055FXXS6CXI2').oneUiMajor, null);
	const watch = launchOs('L300');
	assert.ok(!watch.known);
	assert.match(watch.reason, /watch/);
});
