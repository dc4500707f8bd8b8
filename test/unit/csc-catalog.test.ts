import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {allCscs, allGroups, findCsc, groupMembers, groupsOf, isGroup, similarCscs} from '../../source/core/catalog/cscs.js';
import {cscExplainContext} from '../../source/core/catalog/csc-context.js';

type Raw = {csc: string; country: string; iso: string; carrier: string; covers?: string[]};
const raw = JSON.parse(readFileSync('source/core/catalog/data/cscs.json', 'utf8')) as Raw[];
const rawGroups = JSON.parse(readFileSync('source/core/catalog/data/csc-groups.json', 'utf8')) as Array<{group: string; members: string[]; sources: string[]}>;

test('the catalog holds at least 600 sales codes', () => {
	assert.ok(raw.length >= 600, `only ${raw.length} codes`);
	assert.equal(allCscs().length, raw.length);
});

test('every code is three uppercase letters or digits and appears once', () => {
	const seen = new Set<string>();
	for (const entry of raw) {
		assert.match(entry.csc, /^[A-Z0-9]{3}$/, entry.csc);
		assert.ok(!seen.has(entry.csc), `duplicate ${entry.csc}`);
		seen.add(entry.csc);
	}
});

test('every code has a country, a carrier and an ISO 3166 alpha-2 code (EU/XX for multi-country)', () => {
	for (const entry of raw) {
		assert.ok(entry.country.trim().length > 0, `${entry.csc} has no country`);
		assert.ok(entry.carrier.trim().length > 0, `${entry.csc} has no carrier`);
		assert.match(entry.iso, /^[A-Z]{2}$/, `${entry.csc} iso ${entry.iso}`);
		for (const iso of entry.covers ?? []) {
			assert.match(iso, /^[A-Z]{2}$/, `${entry.csc} covers ${iso}`);
		}
	}
});

// The carriers no public source names; lower it when one is filled in, never raise it.
const unknownCarrierCeiling = 196;
const placeholders = new Set(['open', 'unknown', 'unbranded', 'no brand', 'none', 'n/a', '-', '?']);

test(`no more than ${unknownCarrierCeiling} codes have an unknown carrier, and the rest name a carrier or "open"`, () => {
	const unknown = raw.filter(entry => entry.carrier === 'unknown');
	assert.ok(unknown.length <= unknownCarrierCeiling, `${unknown.length} codes have carrier "unknown"`);
	for (const entry of raw) {
		assert.equal(entry.carrier, entry.carrier.trim(), `${entry.csc} carrier has surrounding spaces`);
		if (placeholders.has(entry.carrier.toLowerCase())) {
			assert.ok(entry.carrier === 'open' || entry.carrier === 'unknown', `${entry.csc} carrier "${entry.carrier}": write "open" or "unknown"`);
		}
	}
});

test('codes marked XX or EU say which countries they cover, or are groups', () => {
	for (const entry of raw.filter(e => e.iso === 'XX' || e.iso === 'EU')) {
		assert.ok((entry.covers?.length ?? 0) > 0 || isGroup(entry.csc) || entry.carrier === 'unknown', entry.csc);
	}
});

test('every group is non-empty, has a source, is itself a known code, and lists only known codes once', () => {
	assert.ok(rawGroups.length >= 10);
	for (const group of rawGroups) {
		assert.ok(group.members.length > 0, `${group.group} is empty`);
		assert.ok(group.sources.length > 0, `${group.group} has no source`);
		assert.ok(findCsc(group.group), `${group.group} is not in cscs.json`);
		assert.equal(new Set(group.members).size, group.members.length, `${group.group} repeats a member`);
		for (const member of group.members) {
			assert.ok(findCsc(member), `${group.group} member ${member} is not a known CSC`);
		}
	}
});

test('the groups of a code are derived from the group member lists', () => {
	for (const group of allGroups()) {
		for (const member of group.members) {
			assert.ok(groupsOf(member).includes(group.group), `${member} should list ${group.group}`);
		}
	}

	for (const entry of allCscs()) {
		for (const group of entry.groups) {
			assert.ok(groupMembers(group)?.includes(entry.csc), `${entry.csc} lists ${group} wrongly`);
		}
	}
});

test('well-known firmware facts hold: XEF and DBT are in OXM, INS in ODM, XAA in OYN, VD2 in OVF', () => {
	assert.ok(groupsOf('XEF').includes('OXM'));
	assert.ok(groupsOf('DBT').includes('OXM'));
	assert.ok(groupsOf('INS').includes('ODM'));
	assert.ok(groupsOf('XAA').includes('OYN'));
	assert.ok(groupsOf('VD2').includes('OVF'));
	assert.equal(findCsc('XEF')?.iso, 'FR');
	assert.equal(findCsc('XEF')?.carrier, 'open');
	assert.equal(findCsc('ATT')?.carrier, 'AT&T');
});

test('groupMembers is undefined for an unknown group and isGroup tells groups from codes', () => {
	assert.equal(groupMembers('ZZZ'), undefined);
	assert.equal(groupMembers('XEF'), undefined);
	assert.ok(isGroup('OXM'));
	assert.ok(isGroup('oxm'));
	assert.ok(!isGroup('XEF'));
	assert.deepEqual(groupsOf('NOPE'), []);
});

test('similarCscs: swapped neighbours first, then one changed character, open codes first; nothing for a known code', () => {
	assert.deepEqual(similarCscs('EXU'), ['EUX', 'XEU']);
	assert.equal(similarCscs('DTB')[0], 'DBT');
	for (const code of similarCscs('BTY')) {
		assert.ok(findCsc(code), code);
		assert.equal([...code].filter((char, i) => char !== 'BTY'[i]).length, 1, code);
	}

	assert.deepEqual(similarCscs('EUX'), []);
	assert.deepEqual(similarCscs('E'), []);
	assert.ok(similarCscs('BTY', 2).length <= 2);
});

test('cscExplainContext gives the catalogue\'s carrier for a known code, and suggestions for an unknown one', () => {
	assert.deepEqual(cscExplainContext('EUX'), {cscCarrier: 'open'});
	assert.deepEqual(cscExplainContext('EXU'), {cscKnown: false, cscSuggestions: ['EUX', 'XEU']});
	assert.deepEqual(cscExplainContext(undefined), {});
});
