import {test} from 'node:test';
import assert from 'node:assert/strict';
import {findModel, searchModels} from '../../source/core/catalog/models.js';

const first = (query: string) => searchModels(query, 5)[0];
const codes = (query: string, limit = 10) => searchModels(query, limit).map(m => m.model);

test('findModel matches a code exactly, ignoring case', () => {
	assert.equal(findModel('sm-s918b')?.model, 'SM-S918B');
	assert.equal(findModel(' SM-G991B ')?.model, 'SM-G991B');
	assert.equal(findModel('SM-S918'), undefined);
});

for (const query of ['s23 ultra', 'S23U', 's23u', 'Galaxy S23 Ultra', 'samsung galaxy s23 ultra', 'SM-S918', 'sm-s918', 'SM-S918B']) {
	test(`"${query}" finds the Galaxy S23 Ultra first, its global SM-S918B variant on top`, () => {
		assert.equal(first(query)?.model, 'SM-S918B');
	});
}

for (const query of ['fold5', 'Fold 5', 'z fold5', 'Galaxy Z Fold5']) {
	test(`"${query}" finds the Galaxy Z Fold5`, () => {
		assert.equal(first(query)?.name, 'Galaxy Z Fold5');
		assert.equal(first(query)?.model, 'SM-F946B');
	});
}

test('"galaxy tab s9" finds the Tab S9 before the S9+, S9 Ultra and S9 FE', () => {
	const found = searchModels('galaxy tab s9', 10).map(m => m.name);
	assert.equal(found[0], 'Galaxy Tab S9');
	assert.equal(found[1], 'Galaxy Tab S9');
	assert.ok(found.includes('Galaxy Tab S9 Ultra') || found.includes('Galaxy Tab S9+') || found.includes('Galaxy Tab S9 FE'));
});

test('a code prefix lists every variant of that device', () => {
	const found = codes('SM-S918', 20);
	assert.ok(found.length >= 5);
	assert.ok(found.every(code => code.startsWith('SM-S918')), found.join(' '));
});

test('an exact code ranks above codes it is a prefix of', () => {
	assert.deepEqual(codes('SM-G991B', 1), ['SM-G991B']);
});

test('"s9" means the Galaxy S9, not every code starting with S9', () => {
	assert.equal(first('s9')?.name, 'Galaxy S9');
});

test('"s21" ranks the S21 above the S21+, S21 Ultra and S21 FE', () => {
	assert.equal(first('s21')?.name, 'Galaxy S21');
	const names = searchModels('s21', 30).map(m => m.name);
	assert.ok(names.indexOf('Galaxy S21 Ultra') > names.lastIndexOf('Galaxy S21'));
});

test('a typo still finds the model, after exact matches', () => {
	assert.equal(first('s23 ultar')?.model, 'SM-S918B');
	assert.equal(first('SM-S918X')?.name, 'Galaxy S23 Ultra');
});

test('a query that matches nothing returns an empty list', () => {
	assert.deepEqual(searchModels('zzzz qqqq'), []);
	assert.deepEqual(searchModels('   '), []);
});

test('the limit caps the number of results', () => {
	assert.equal(searchModels('galaxy a', 3).length, 3);
});

test('a search takes well under 50 ms once the index is built', () => {
	searchModels('warm up');
	const queries = ['s23 ultra', 'fold5', 'sm-s918', 'galaxy tab s9', 's23 ultar', 'nothing like it'];
	const start = performance.now();
	for (let i = 0; i < 20; i++) {
		for (const query of queries) {
			searchModels(query);
		}
	}

	const perLookup = (performance.now() - start) / (20 * queries.length);
	assert.ok(perLookup < 50, `${perLookup.toFixed(2)} ms per lookup`);
});
