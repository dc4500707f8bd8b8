import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseVersionXml} from '../../source/core/versions/version-xml.js';
import {ProtocolError} from '../../source/core/errors.js';

const xml = (latest: string, upgrades = '') => `<?xml version="1.0" encoding="UTF-8"?>
<versioninfo><url>https://fota-cloud-dn.ospserver.net:443/firmware/</url>
<firmware><model>SM-S918B</model><cc>EUX</cc><version>${latest}<upgrade>${upgrades}</upgrade></version></firmware></versioninfo>`;

test('three-part latest becomes four parts; Android comes from the o attribute; upgrades keep attributes', () => {
	const info = parseVersionXml(xml('<latest o="15">S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1</latest>', '<value rcount="3" fwsize="7123456789">S918BXXS7DYI1/S918BOXM7DYI1/S918BXXS7DYI1</value><value rcount="1" fwsize="">S918BXXU6DYG2/S918BOXM6DYG2/S918BXXU6DYG2/S918BXXU6DYG2</value>'), 'SM-S918B', 'EUX');
	assert.equal(info.latest, 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1');
	assert.equal(info.android, '15');
	assert.deepEqual(info.upgrades, [
		{version: 'S918BXXS7DYI1/S918BOXM7DYI1/S918BXXS7DYI1/S918BXXS7DYI1', rcount: 3, fwsize: 7_123_456_789},
		{version: 'S918BXXU6DYG2/S918BOXM6DYG2/S918BXXU6DYG2/S918BXXU6DYG2', rcount: 1, fwsize: undefined},
	]);
});

test('an empty latest means no firmware; an empty modem part stays empty', () => {
	assert.equal(parseVersionXml(xml('<latest/>'), 'SM-A546B', 'XAR').latest, undefined);
	assert.equal(parseVersionXml(xml('<latest o="14">X710XXS2BYB1/X710OXM2BYB1/</latest>'), 'SM-X710', 'EUX').latest, 'X710XXS2BYB1/X710OXM2BYB1//X710XXS2BYB1');
});

test('a reply that is not version.xml is a BAD_REPLY', () => {
	for (const text of ['<Error><Code>AccessDenied</Code></Error>', 'garbage <<', '<versioninfo/>']) {
		assert.throws(() => parseVersionXml(text, 'SM-S918B', 'EUX'), ProtocolError);
	}
});
