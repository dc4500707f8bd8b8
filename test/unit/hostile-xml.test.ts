/**
 * Replies built to hurt a parser: entity expansion, DTDs, deep nesting, huge bodies, and field
 * values that look like paths or markup. Each test names the protection it holds in place.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ProtocolError} from '../../source/core/errors.js';
import {informResultFrom} from '../../source/core/fus/inform-result.js';
import {buildFusReply, parseFusReply} from '../../source/core/fus/xml.js';
import {parseVersionXml} from '../../source/core/versions/version-xml.js';

const badReply = (pattern: RegExp) => (error: unknown) => error instanceof ProtocolError && error.code === 'BAD_REPLY' && pattern.test(error.message);

const inside = (status: string) => `<FUSMsg><FUSBody><Results><Status>${status}</Status></Results><Put><BINARY_NAME><Data>&lol9;</Data></BINARY_NAME></Put></FUSBody></FUSMsg>`;
const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${
	Array.from({length: 9}, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`).join('')
}]>${inside('200')}`;

test('billion laughs is refused before the parser sees it (the DTD refusal)', () => {
	const started = performance.now();
	assert.throws(() => parseFusReply(billionLaughs, 'inform'), badReply(/DTD/));
	assert.throws(() => parseVersionXml(billionLaughs.replace(inside('200'), '<versioninfo/>'), 'SM-S918B', 'EUX'), badReply(/DTD/));
	assert.ok(performance.now() - started < 500);
});

test('a simple internal entity is not expanded into a field (no DTD gets through)', () => {
	const xml = `<!DOCTYPE FUSMsg [<!ENTITY path "../../../etc/">]><FUSMsg><FUSBody><Results><Status>200</Status></Results><Put><MODEL_PATH><Data>&path;</Data></MODEL_PATH></Put></FUSBody></FUSMsg>`;
	assert.throws(() => parseFusReply(xml, 'inform'), badReply(/DTD/));
	assert.throws(() => parseFusReply(xml.replace('<!DOCTYPE', '<!doctype'), 'inform'), badReply(/DTD/));
});

test('external entities are refused', () => {
	const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${inside('200').replace('&lol9;', '&e;')}`;
	assert.throws(() => parseFusReply(xml, 'inform'), badReply(/DTD/));
});

test('deep nesting is cut off at the depth limit, quickly, as BAD_REPLY (not a stack overflow)', () => {
	for (const depth of [17, 10_000, 100_000]) {
		const nested = `<FUSMsg><FUSBody><Results><Status>200</Status></Results><Put>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</Put></FUSBody></FUSMsg>`;
		const started = performance.now();
		assert.throws(() => parseFusReply(nested, 'inform'), badReply(/not valid XML.*nested/i), `depth ${depth}`);
		assert.throws(() => parseVersionXml(`<versioninfo>${nested}</versioninfo>`, 'SM-S918B', 'EUX'), badReply(/nested/i), `depth ${depth}`);
		assert.ok(performance.now() - started < 2000, `depth ${depth} took ${performance.now() - started} ms`);
	}
});

test('an unclosed deep document gives a short message, not the parser\'s dump of the input', () => {
	assert.throws(() => parseFusReply('<a>'.repeat(50_000), 'inform'), (error: unknown) => error instanceof ProtocolError && error.message.length < 300);
	assert.throws(() => parseVersionXml('<a>'.repeat(50_000), 'SM-S918B', 'EUX'), (error: unknown) => error instanceof ProtocolError && error.message.length < 300);
});

test('a 5 MB version.xml is refused before parsing', () => {
	const huge = `<versioninfo><firmware><version><latest>${'S'.repeat(5 * 1024 * 1024)}</latest></version></firmware></versioninfo>`;
	assert.throws(() => parseVersionXml(huge, 'SM-S918B', 'EUX'), badReply(/far larger/));
});

test('prototype-polluting element names are refused or ignored, never applied', () => {
	for (const name of ['__proto__', 'constructor', 'prototype']) {
		const xml = `<FUSMsg><FUSBody><Results><Status>200</Status></Results><Put><${name}><Data>x</Data></${name}><polluted><Data>y</Data></polluted></Put></FUSBody></FUSMsg>`;
		try {
			parseFusReply(xml, 'inform');
		} catch (error) {
			assert.ok(error instanceof ProtocolError, String(error));
		}

		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
		assert.equal(({} as Record<string, unknown>)['Data'], undefined);
	}
});

test('odd BINARY_NAME and MODEL_PATH values reach the inform result as the plain strings the server sent', () => {
	const query = {model: 'SM-S918B', csc: 'EUX', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1'};
	const odd: Array<[string, string]> = [
		['../../../../home/user/.bashrc', '/../../'],
		['/etc/passwd', 'C:\\Windows\\System32\\'],
		['a/b\\c.zip.enc4', '%2e%2e%2f'],
		['<script>alert(1)</script>.enc4', '&amp;&lt;'],
		['x'.repeat(4000) + '.zip.enc4', ' spaced path/ '],
		['name\u202Ereversed.zip.enc4', 'tab\tpath/'],
		['CON.zip.enc4', '~/'],
	];
	for (const [name, path] of odd) {
		const reply = parseFusReply(buildFusReply({status: '200', put: {BINARY_NAME: name, MODEL_PATH: path, BINARY_BYTE_SIZE: '32', LOGIC_VALUE_FACTORY: 'abcdefghijklmnop'}}), 'inform');
		const info = informResultFrom(reply.fields, query, 'classic');
		assert.equal(info.binaryName, name.trim(), name);
		assert.equal(info.modelPath, path.trim(), path);
	}
});

test('control characters anywhere in a reply (terminal escapes, CSI, NUL) refuse the whole reply', () => {
	for (const bad of ['\u001b[2J', '\u009b31m', '\u0000', '\u0007', '\u007f']) {
		const xml = buildFusReply({status: '200', put: {BINARY_NAME: `x${bad}.zip.enc4`, BINARY_BYTE_SIZE: '32'}});
		assert.throws(() => parseFusReply(xml, 'inform'), badReply(/control characters/), JSON.stringify(bad));
		assert.throws(() => parseVersionXml(`<versioninfo><firmware><version><latest>S918BXXS8DYK1${bad}</latest></version></firmware></versioninfo>`, 'SM-S918B', 'EUX'), badReply(/control characters/));
	}
});

test('server values quoted in error messages are escaped and bounded', () => {
	const query = {model: 'SM-S918B', csc: 'EUX', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1'};
	assert.throws(() => informResultFrom({BINARY_NAME: 'x.zip.enc4', BINARY_BYTE_SIZE: `12\u202e${'9'.repeat(500)}`}, query, 'smart'), (error: unknown) =>
		error instanceof ProtocolError && error.message.includes('"12\\u202e') && error.message.length < 200);
});

test('markup or CDATA inside Data is not turned into a file name', () => {
	const withMarkup = '<FUSMsg><FUSBody><Results><Status>200</Status></Results><Put><BINARY_NAME><Data><x>../y</x></Data></BINARY_NAME><BINARY_BYTE_SIZE><Data>32</Data></BINARY_BYTE_SIZE></Put></FUSBody></FUSMsg>';
	const fields = parseFusReply(withMarkup, 'inform').fields;
	assert.equal(fields['BINARY_NAME'], undefined, 'a Data with child elements is not a value');
	const withCdata = withMarkup.replace('<x>../y</x>', '<![CDATA[../<y>]]>');
	assert.equal(parseFusReply(withCdata, 'inform').fields['BINARY_NAME'], '../<y>');
});
