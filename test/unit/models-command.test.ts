import {test} from 'node:test';
import assert from 'node:assert/strict';
import {runCliCaptured} from '../helpers/run-cli.js';

test('models QUERY prints a table with the best match first', async () => {
	const result = await runCliCaptured(['models', 's23', 'ultra', '--limit', '3']);
	assert.equal(result.code, 0);
	const lines = result.stdout.trimEnd().split('\n');
	assert.match(lines[0]!, /^MODEL\s+NAME\s+YEAR\s+CATEGORY$/);
	assert.match(lines[1]!, /^SM-S918B\s+Galaxy S23 Ultra\s+2023\s+phone$/);
	assert.equal(lines.length, 4);
});

test('models --json prints the catalog fields in snake_case', async () => {
	const result = await runCliCaptured(['models', 'fold5', '--json', '--limit', '2']);
	assert.equal(result.code, 0);
	const models = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
	assert.equal(models.length, 2);
	assert.deepEqual(Object.keys(models[0]!).sort(), ['alt_names', 'category', 'model', 'name', 'tacs', 'wifi_only', 'year']);
	assert.equal(models[0]!.model, 'SM-F946B');
	assert.equal(models[0]!.wifi_only, false);
});

test('models without a query lists the catalog and says how many are hidden', async () => {
	const result = await runCliCaptured(['models', '--limit', '5']);
	assert.equal(result.code, 0);
	assert.match(result.stdout, /5 of \d+ models/);
	const all = JSON.parse((await runCliCaptured(['models', '--json'])).stdout) as unknown[];
	assert.ok(all.length >= 300);
});

test('models marks models without a modem', async () => {
	const result = await runCliCaptured(['models', 'SM-X710', '--limit', '1']);
	assert.match(result.stdout, /SM-X710\s+Galaxy Tab S9\s+2023\s+tablet \(no modem\)/);
});

test('models with no match says so and exits 0; --json prints an empty array', async () => {
	const human = await runCliCaptured(['models', 'zzzz', 'qqqq']);
	assert.equal(human.code, 0);
	assert.match(human.stdout, /No model matches "zzzz qqqq"/);
	assert.equal((await runCliCaptured(['models', 'zzzz', 'qqqq', '--json'])).stdout.trim(), '[]');
});

test('models --limit must be a positive whole number', async () => {
	const result = await runCliCaptured(['models', '--limit', 'many']);
	assert.equal(result.code, 2);
	assert.match(result.stderr, /--limit takes a whole number/);
});
