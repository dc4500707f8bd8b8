import {test} from 'node:test';
import assert from 'node:assert/strict';
import {allCscs, findCsc} from '../../source/core/catalog/cscs.js';
import {alternativesFor, multiCscFor, openCscFor, preferredOrder} from '../../source/core/catalog/regions.js';

test('preferredOrder puts preferred codes first in their given order and keeps the rest in place', () => {
	assert.deepEqual(preferredOrder(['ATT', 'XEF', 'DBT', 'BTU', 'TMB'], ['BTU', 'xef', 'ZZZ']), ['BTU', 'XEF', 'ATT', 'DBT', 'TMB']);
	assert.deepEqual(preferredOrder(['A', 'B'], []), ['A', 'B']);
	const entries = [findCsc('ATT')!, findCsc('XEF')!];
	assert.deepEqual(preferredOrder(entries, ['XEF']).map(e => e.csc), ['XEF', 'ATT']);
});

test('openCscFor gives the open code of a country', () => {
	assert.equal(openCscFor('FR'), 'XEF');
	assert.equal(openCscFor('de'), 'DBT');
	assert.equal(openCscFor('GB'), 'BTU');
	assert.equal(openCscFor('US'), 'XAA');
	assert.equal(openCscFor('EU'), 'EUX');
	assert.equal(openCscFor('QQ'), undefined);
});

test('every open code openCscFor returns exists and is unbranded', () => {
	for (const iso of new Set(allCscs().map(entry => entry.iso))) {
		const code = openCscFor(iso);
		if (code !== undefined) {
			assert.equal(findCsc(code)?.carrier, 'open', `${iso} → ${code}`);
		}
	}
});

test('multiCscFor finds the open multi-CSC covering a carrier code', () => {
	assert.equal(multiCscFor('SFR'), 'OXM', 'a French carrier → OXM through XEF');
	assert.equal(multiCscFor('XEF'), 'OXM');
	assert.equal(multiCscFor('BKD'), 'ODM', 'only ODM carries BKD');
	assert.equal(multiCscFor('OXM'), 'OXM');
	assert.equal(multiCscFor('OVF'), undefined, 'a carrier group is not open');
	assert.equal(multiCscFor('ZZZ'), undefined);
});

test('alternativesFor suggests the open code, its multi-CSC and EUX for a European carrier code', () => {
	assert.deepEqual(alternativesFor('SFR'), ['XEF', 'OXM', 'EUX']);
	assert.deepEqual(alternativesFor('XAA').includes('XAA'), false);
	assert.deepEqual(alternativesFor('NOPE'), []);
});
