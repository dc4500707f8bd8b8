import {test} from 'node:test';
import assert from 'node:assert/strict';
import {findModel} from '../../source/core/catalog/models.js';
import {checkImei} from '../../source/core/identity/imei.js';
import {luhnCheckDigit} from '../../source/core/identity/luhn.js';
import {runCliCaptured} from '../helpers/run-cli.js';

function imeiOf(code: string): string {
	const body = findModel(code)!.tacs[0]! + '424242';
	return body + String(luhnCheckDigit(body));
}

test('imei MODEL prints a full, valid IMEI on a TAC of that model', async () => {
	const result = await runCliCaptured(['imei', 'SM-S918B']);
	assert.equal(result.code, 0);
	const imei = result.stdout.trim();
	assert.match(imei, /^\d{15}$/);
	assert.equal(checkImei(imei, 'SM-S918B').ok, true);
	assert.match(result.stderr, /made-up IMEI.*Galaxy S23 Ultra/);
});

test('imei MODEL --json gives model, name, imei and tac', async () => {
	const result = await runCliCaptured(['imei', 'sm-g991b', '--json']);
	assert.equal(result.code, 0);
	const out = JSON.parse(result.stdout) as {model: string; name: string; imei: string; tac: string};
	assert.equal(out.model, 'SM-G991B');
	assert.equal(out.name, 'Galaxy S21');
	assert.ok(out.imei.startsWith(out.tac));
	assert.ok(findModel('SM-G991B')!.tacs.includes(out.tac));
});

test('imei for a Wi-Fi model exits 2 and says what to use instead', async () => {
	const result = await runCliCaptured(['imei', 'SM-X710', '--json']);
	assert.equal(result.code, 2);
	assert.match(result.stderr, /no cellular modem.*serial number.*Smart protocol/);
	assert.equal(JSON.parse(result.stdout).error.code, 'USAGE');
});

test('imei for an unknown model exits 2 and names close matches', async () => {
	const result = await runCliCaptured(['imei', 'S23U']);
	assert.equal(result.code, 2);
	assert.match(result.stderr, /"S23U" is not a model code.*Did you mean SM-S918B \(Galaxy S23 Ultra\)/);
});

test('imei --check on a valid IMEI exits 0 and masks it', async () => {
	const imei = imeiOf('SM-A546B');
	const result = await runCliCaptured(['imei', '--check', imei, 'SM-A546B']);
	assert.equal(result.code, 0);
	assert.match(result.stdout, /: OK\./);
	assert.ok(!result.stdout.includes(imei), 'the full IMEI must not be printed');
	assert.ok(result.stdout.includes(imei.slice(0, 8) + '••••••' + imei.slice(14)));
});

test('imei --check explains a bad check digit and a TAC of another model, exit 2', async () => {
	const imei = imeiOf('SM-S918B');
	const wrong = imei.slice(0, 14) + String((Number(imei[14]) + 1) % 10);
	const result = await runCliCaptured(['imei', '--check', wrong, 'SM-F946B']);
	assert.equal(result.code, 2);
	assert.match(result.stdout, /not usable/);
	assert.match(result.stdout, /check digit\) is \d, but \d is expected/);
	assert.match(result.stdout, /belongs to Galaxy S23 Ultra \(SM-S918B\), not to SM-F946B/);
});

test('imei --check --json gives the masked IMEI, verdict, problems, TAC and its model', async () => {
	const imei = imeiOf('SM-F946B');
	const result = await runCliCaptured(['imei', '--check', imei, '--json']);
	assert.equal(result.code, 0);
	const out = JSON.parse(result.stdout) as Record<string, unknown>;
	assert.equal(out.ok, true);
	assert.deepEqual(out.problems, []);
	assert.equal(out.tac, imei.slice(0, 8));
	assert.equal(out.tac_model, 'SM-F946B');
	assert.equal(out.imei_masked, imei.slice(0, 8) + '••••••' + imei.slice(14));
	assert.ok(!result.stdout.includes(imei));
});

test('imei --check with a wrong length exits 2 and says how many digits were given', async () => {
	const result = await runCliCaptured(['imei', '--check', '3512345678', '--json']);
	assert.equal(result.code, 2);
	const out = JSON.parse(result.stdout) as {ok: boolean; problems: string[]};
	assert.equal(out.ok, false);
	assert.match(out.problems.join('\n'), /15 digits, but 10 were given/);
});

test('imei without a model is a usage error', async () => {
	const result = await runCliCaptured(['imei']);
	assert.equal(result.code, 2);
	assert.match(result.stderr, /imei needs one MODEL code/);
});

test('both commands are listed in the main help', async () => {
	const result = await runCliCaptured(['--help']);
	assert.match(result.stdout, /models\s+list or search/);
	assert.match(result.stdout, /imei\s+make a plausible IMEI/);
});
