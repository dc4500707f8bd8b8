import {test} from 'node:test';
import assert from 'node:assert/strict';
import data from '../../source/core/catalog/data/models.json' with {type: 'json'};
import {modelCategories} from '../../source/core/catalog/model.js';
import {allModels, findModel} from '../../source/core/catalog/models.js';
import {launchAndroidTable, launchOs, modelFamily} from '../../source/core/catalog/launch-os.js';
import {generateImei} from '../../source/core/identity/imei.js';
import {isLuhnValid} from '../../source/core/identity/luhn.js';

const records = data as Array<Record<string, unknown>>;

test('models.json has at least 300 models', () => {
	assert.ok(records.length >= 300, `only ${records.length} models`);
});

test('every record has the required fields with the right types', () => {
	for (const record of records) {
		const where = JSON.stringify(record.model);
		assert.deepEqual(Object.keys(record).sort(), ['alt_names', 'category', 'model', 'name', 'tacs', 'wifi_only', 'year'], where);
		assert.match(record.model as string, /^SM-[A-Z\d]+$/, where);
		assert.equal(typeof record.name, 'string', where);
		assert.ok((record.name as string).trim().length > 0, `${where} has an empty name`);
		assert.ok(Array.isArray(record.alt_names) && record.alt_names.every(n => typeof n === 'string' && n.trim() !== ''), where);
		assert.ok(Number.isInteger(record.year) && (record.year as number) >= 2017 && (record.year as number) <= 2026, `${where} year ${String(record.year)}`);
		assert.ok((modelCategories as readonly unknown[]).includes(record.category), where);
		assert.equal(typeof record.wifi_only, 'boolean', where);
		assert.ok(Array.isArray(record.tacs), where);
	}
});

test('no model code appears twice', () => {
	const codes = records.map(r => r.model as string);
	const duplicates = codes.filter((code, i) => codes.indexOf(code) !== i);
	assert.deepEqual(duplicates, []);
});

test('every TAC is exactly 8 digits and appears once per model', () => {
	for (const record of records) {
		const tacs = record.tacs as string[];
		for (const tac of tacs) {
			assert.match(tac, /^\d{8}$/, `${String(record.model)}: ${tac}`);
		}

		assert.equal(new Set(tacs).size, tacs.length, `${String(record.model)} repeats a TAC`);
	}
});

test('models without a modem list no TAC, since they have no IMEI', () => {
	for (const model of allModels().filter(m => m.wifiOnly)) {
		assert.deepEqual(model.tacs, [], model.model);
	}
});

test('every TAC yields Luhn-valid IMEIs through generateImei', () => {
	for (const model of allModels()) {
		for (const [i, tac] of model.tacs.entries()) {
			// A random source that lands on TAC number i; the serial digits vary with it.
			const imei = generateImei({...model, tacs: [tac]}, () => (i % 10) / 10).imei;
			assert.equal(imei.length, 15);
			assert.ok(imei.startsWith(tac));
			assert.ok(isLuhnValid(imei), `${model.model} ${imei}`);
		}
	}
});

test('the models the emulator and tests rely on have a TAC, and SM-X710 is Wi-Fi only', () => {
	for (const code of ['SM-S918B', 'SM-G991B', 'SM-A546B', 'SM-F946B']) {
		const model = findModel(code);
		assert.ok(model, `${code} is missing`);
		assert.ok(model.tacs.length > 0, `${code} has no TAC`);
		assert.equal(model.wifiOnly, false);
	}

	assert.equal(findModel('SM-S918B')?.name, 'Galaxy S23 Ultra');
	assert.equal(findModel('SM-X710')?.wifiOnly, true);
	assert.equal(findModel('SM-X710')?.category, 'tablet');
});

test('the catalog spans phones, tablets and watches', () => {
	for (const category of modelCategories) {
		assert.ok(allModels().some(model => model.category === category), category);
	}
});

test('launch-android.json: every family is a phone or tablet family of the catalog with a sane Android major', () => {
	const families = new Map(allModels().map(model => [modelFamily(model.model), model]));
	for (const [family, android] of Object.entries(launchAndroidTable())) {
		const model = families.get(family);
		assert.ok(model, `${family} is not a catalog family`);
		assert.ok(model.category !== 'watch', `${family} is a watch`);
		// Android 6 (Galaxy A5 2017) is the oldest launch OS among the catalog's 2017+ models; 16 the newest release.
		assert.ok(Number.isInteger(android) && android >= 6 && android <= 16, `${family}: Android ${android}`);
	}
});

test('launch-android.json covers at least 90% of the catalog\'s phone and tablet models', () => {
	const devices = allModels().filter(model => model.category !== 'watch');
	const known = devices.filter(model => launchOs(model.model).known);
	assert.ok(known.length / devices.length >= 0.9, `${known.length} of ${devices.length}`);
});

test('families whose OS letter is known to move on point releases stay out of launch-android.json', () => {
	// The data README lists the builds that show it (e.g. A217FXXU7CUK1 is Android 11 with letter C).
	const table = launchAndroidTable();
	for (const family of ['A515', 'A217', 'M317', 'G950', 'G955', 'N950', 'G990', 'F936', 'S901', 'S906', 'S908']) {
		assert.equal(Object.hasOwn(table, family), false, family);
	}
});

test('every phone and tablet has a launch Android or a reason why not; watches always have a reason', () => {
	for (const model of allModels()) {
		const launch = launchOs(model.model);
		if (launch.known) {
			assert.notEqual(model.category, 'watch', model.model);
			assert.equal(launch.model.model, model.model);
		} else {
			assert.ok(launch.reason.length > 0, model.model);
		}
	}
});
