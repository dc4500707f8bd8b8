import {test} from 'node:test';
import assert from 'node:assert/strict';
import {runCliCaptured} from '../helpers/run-cli.js';

test('decode --json of a full version gives pda, csc, modem and bootloader_version objects', async () => {
	const result = await runCliCaptured(['decode', 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1', '--json']);
	assert.equal(result.code, 0);
	const decoded = JSON.parse(result.stdout);
	assert.equal(decoded.version, 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1');
	for (const part of ['pda', 'csc', 'modem', 'bootloader_version']) {
		for (const key of ['model', 'region', 'update_type', 'bootloader', 'one_ui_major', 'year', 'month', 'build']) {
			assert.ok(key in decoded[part], `${part}.${key}`);
		}
	}

	assert.deepEqual(
		{model: decoded.pda.model, region: decoded.pda.region, update_type: decoded.pda.update_type, bootloader: decoded.pda.bootloader, one_ui_major: decoded.pda.one_ui_major, year: decoded.pda.year, month: decoded.pda.month, build: decoded.pda.build},
		{model: 'S918B', region: 'XX', update_type: 'S', bootloader: 8, one_ui_major: 8, year: 2025, month: 11, build: 1},
	);
	assert.equal(decoded.csc.region, 'OXM');
	assert.equal(decoded.csc.update_type, null);
});

test('decode of one component prints one line; an empty modem shows as empty', async () => {
	const one = await runCliCaptured(['decode', 'G965FXXUHFVG4']);
	assert.equal(one.code, 0);
	assert.match(one.stdout, /model G965F {2}region XX {2}update with new features {2}bootloader 17 .* built 2022-07 {2}build 4/);
	const wifi = await runCliCaptured(['decode', 'X710XXS4CYK1/X710OXM4CYK1/', '--json']);
	assert.equal(JSON.parse(wifi.stdout).modem, null);
	const text = await runCliCaptured(['decode', 'X710XXS4CYK1/X710OXM4CYK1/']);
	assert.match(text.stdout, /modem +\(empty/);
});

test('decode of garbage or of no version is a usage error (exit 2)', async () => {
	const bad = await runCliCaptured(['decode', 'hello', '--json']);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /not a firmware version part/);
	assert.equal(JSON.parse(bad.stdout).error.code, 'USAGE');
	assert.equal((await runCliCaptured(['decode'])).code, 2);
	assert.equal((await runCliCaptured(['decode', 'a', 'b'])).code, 2);
});

test('decode shows the One UI major of a known model, and says why it is missing otherwise', async () => {
	const known = await runCliCaptured(['decode', 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1']);
	assert.equal(known.code, 0);
	assert.equal(known.stdout.match(/One UI 8 /g)?.length, 4);
	assert.doesNotMatch(known.stdout, /One UI \?/);
	const unknown = await runCliCaptured(['decode', 'A515FXXU4EUD7']);
	assert.match(unknown.stdout, /One UI \? /);
	assert.match(unknown.stdout, /One UI \?: the catalog does not know which Android the Galaxy A51 launched with/);
	const beta = await runCliCaptured(['decode', 'S918BXXU1ZWBD', '--json']);
	assert.equal(JSON.parse(beta.stdout).one_ui_major, null);
});
