import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {runCliCaptured} from '../helpers/run-cli.js';

test('--version prints the package version', async () => {
	const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
	const result = await runCliCaptured(['--version']);
	assert.equal(result.code, 0);
	assert.equal(result.stdout.trim(), version);
});

test('an unknown command is a usage error with exit code 2 and one line', async () => {
	const result = await runCliCaptured(['frobnicate', '--json']);
	assert.equal(result.code, 2);
	assert.equal(result.stderr.trim().split('\n').length, 1);
	assert.match(result.stderr, /unknown command "frobnicate"/);
	assert.equal(JSON.parse(result.stdout).error.code, 'USAGE');
});

test('tests run on Node 22 or newer', () => {
	assert.ok(Number(process.versions.node.split('.')[0]) >= 22, process.versions.node);
});
