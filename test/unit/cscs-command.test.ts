import {test} from 'node:test';
import assert from 'node:assert/strict';
import {runCliCaptured} from '../helpers/run-cli.js';
import {groupMembers} from '../../source/core/catalog/cscs.js';

type Row = {csc: string; country: string; iso: string; carrier: string; groups: string[]};

test('cscs CODE prints an aligned table and names the groups that carry the code', async () => {
	const result = await runCliCaptured(['cscs', 'XEF']);
	assert.equal(result.code, 0);
	const lines = result.stdout.split('\n');
	assert.match(lines[0]!, /^CSC\s+ISO\s+COUNTRY\s+CARRIER\s+GROUPS$/);
	assert.match(lines[1]!, /^XEF\s+FR\s+France\s+open\s+\S*OXM/);
	assert.equal(lines[0]!.indexOf('ISO'), lines[1]!.indexOf('FR'));
	assert.match(result.stdout, /XEF is carried by multi-CSC groups: .*OXM/);
	assert.equal(result.stderr, '');
});

test('cscs QUERY --json prints one array of entries with csc, country, iso, carrier and groups', async () => {
	const result = await runCliCaptured(['cscs', 'germany', '--json']);
	assert.equal(result.code, 0);
	const rows = JSON.parse(result.stdout) as Row[];
	assert.ok(rows.length > 3);
	assert.equal(rows[0]!.csc, 'DBT');
	for (const row of rows) {
		assert.deepEqual(Object.keys(row).slice(0, 5), ['csc', 'country', 'iso', 'carrier', 'groups']);
		assert.ok(Array.isArray(row.groups));
	}
});

test('cscs --limit caps the rows; a bad limit is a usage error', async () => {
	const result = await runCliCaptured(['cscs', 'vodafone', '--json', '--limit', '2']);
	assert.equal((JSON.parse(result.stdout) as Row[]).length, 2);
	const bad = await runCliCaptured(['cscs', 'vodafone', '--limit', 'lots']);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /--limit takes a positive whole number/);
});

test('cscs --group lists the members of a multi-CSC group', async () => {
	const result = await runCliCaptured(['cscs', '--group', 'oxm', '--json']);
	assert.equal(result.code, 0);
	const rows = JSON.parse(result.stdout) as Row[];
	assert.deepEqual(rows.map(row => row.csc), groupMembers('OXM'));
	assert.ok(rows.every(row => row.groups.includes('OXM')));
	const human = await runCliCaptured(['cscs', '--group', 'ODM']);
	assert.match(human.stdout, /^INS\s+IN\s+India/m);
});

test('cscs --group with a query filters the members', async () => {
	const result = await runCliCaptured(['cscs', 'france', '--group', 'OXM', '--json']);
	assert.deepEqual((JSON.parse(result.stdout) as Row[]).map(row => row.csc), ['XEF']);
});

test('cscs --group with an unknown group exits 2 and lists the known groups in one line', async () => {
	const result = await runCliCaptured(['cscs', '--group', 'QQQ']);
	assert.equal(result.code, 2);
	assert.equal(result.stderr.trim().split('\n').length, 1);
	assert.match(result.stderr, /"QQQ" is not a known multi-CSC group\. Known groups: .*OXM/);
	const json = await runCliCaptured(['cscs', '--group', 'QQQ', '--json']);
	assert.equal(json.code, 2);
	assert.equal(JSON.parse(json.stdout).error.code, 'USAGE');
});

test('a group code as query explains the group', async () => {
	const result = await runCliCaptured(['cscs', 'OLM']);
	assert.equal(result.code, 0);
	assert.match(result.stdout, /OLM is a multi-CSC group .* codes: .*THL/);
});

test('no match says so and exits 0; --json gives an empty array', async () => {
	const human = await runCliCaptured(['cscs', 'atlantis']);
	assert.equal(human.code, 0);
	assert.match(human.stdout, /No CSC matches "atlantis"/);
	const json = await runCliCaptured(['cscs', 'atlantis', '--json']);
	assert.deepEqual(JSON.parse(json.stdout), []);
});

test('cscs --help prints the usage and an unknown flag is a usage error', async () => {
	const help = await runCliCaptured(['cscs', '--help']);
	assert.equal(help.code, 0);
	assert.match(help.stdout, /Usage: fusdeck cscs/);
	const bad = await runCliCaptured(['cscs', '--frobnicate']);
	assert.equal(bad.code, 2);
});

test('fusdeck --help lists the cscs command', async () => {
	const result = await runCliCaptured(['--help']);
	assert.match(result.stdout, /cscs\s+look up sales codes/);
});
