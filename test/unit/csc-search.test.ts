import {test} from 'node:test';
import assert from 'node:assert/strict';
import {allCscs, findCsc, searchCscs} from '../../source/core/catalog/cscs.js';

const codes = (query: string, limit?: number) => searchCscs(query, limit).map(entry => entry.csc);

test('an exact code comes first, whatever its case', () => {
	assert.equal(codes('XEF')[0], 'XEF');
	assert.equal(codes('xef')[0], 'XEF');
	assert.equal(codes(' dbt ')[0], 'DBT');
	assert.equal(findCsc('btu')?.csc, 'BTU');
});

test('a country name finds that country, open firmware first', () => {
	const france = searchCscs('france');
	assert.ok(france.length > 5);
	assert.equal(france[0]?.csc, 'XEF');
	assert.ok(france.every(entry => entry.country.toLowerCase().includes('france') || entry.carrier.toLowerCase().includes('france')));
	assert.ok(codes('FRANCE').includes('SFR'));
});

test('an ISO code finds the country codes before the multi-country ones that cover it', () => {
	const fr = searchCscs('FR');
	assert.equal(fr[0]?.csc, 'XEF');
	const firstCover = fr.findIndex(entry => entry.iso !== 'FR');
	assert.ok(fr.slice(0, firstCover).every(entry => entry.iso === 'FR'));
	assert.ok(codes('fr').includes('EUX'), 'EUX covers France');
	assert.ok(codes('lv').includes('SEB'), 'the Baltic code covers Latvia');
});

test('common country aliases work: uk finds BTU first', () => {
	assert.equal(codes('uk')[0], 'BTU');
	assert.ok(codes('usa').includes('XAA'));
});

test('a carrier name finds its codes, punctuation and case ignored', () => {
	for (const query of ['t-mobile', 'T-MOBILE', 'tmobile']) {
		const hits = codes(query);
		assert.ok(hits.includes('TMB'), query);
		assert.ok(hits.includes('TMU'), query);
		assert.ok(!hits.includes('BST'), `${query} must not match Boost Mobile`);
	}

	const vodafone = searchCscs('vodafone');
	assert.ok(vodafone.some(entry => entry.csc === 'VD2'));
	assert.ok(vodafone.some(entry => entry.csc === 'VOD'));
});

test('"open" lists unbranded codes', () => {
	const open = searchCscs('open');
	assert.ok(open.length > 50);
	assert.ok(open.slice(0, 50).every(entry => entry.carrier === 'open'));
	assert.ok(open.some(entry => entry.csc === 'XEF'));
});

test('limit caps the results and an empty query lists everything', () => {
	assert.equal(searchCscs('open', 3).length, 3);
	assert.equal(searchCscs('').length, allCscs().length);
	assert.equal(searchCscs('', 5).length, 5);
	assert.deepEqual(searchCscs('no such place anywhere'), []);
});

test('lookups are fast: 1000 searches well under a second', () => {
	searchCscs('warm up');
	const start = performance.now();
	for (let i = 0; i < 1000; i++) {
		searchCscs(i % 2 === 0 ? 'germany' : 'T-Mobile');
		findCsc('XEF');
	}

	const perLookup = (performance.now() - start) / 1000;
	assert.ok(perLookup < 5, `${perLookup.toFixed(3)} ms per lookup`);
});
