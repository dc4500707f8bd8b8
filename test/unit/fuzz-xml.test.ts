/**
 * Property tests for the XML readers: whatever a server (or something posing as one) sends, the
 * parsers return a well-typed value or throw ProtocolError BAD_REPLY, never a TypeError, a
 * RangeError or a message that quotes megabytes of input.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {ProtocolError} from '../../source/core/errors.js';
import {informResultFrom} from '../../source/core/fus/inform-result.js';
import {buildFusReply, buildFusRequest, parseFusReply, parseFusRequest, type FusFields} from '../../source/core/fus/xml.js';
import {parseVersionXml} from '../../source/core/versions/version-xml.js';
import {fuzzParameters, hostileText, mutationOf} from '../helpers/fuzz.js';

/** The value, or the ProtocolError it threw; anything else thrown fails the property. */
function outcome<T>(run: () => T): T | ProtocolError {
	try {
		return run();
	} catch (error) {
		if (error instanceof ProtocolError && error.code === 'BAD_REPLY') {
			assert.ok(error.message.length < 400, `an error message should be short, got ${error.message.length} chars`);
			return error;
		}

		throw error;
	}
}

const allStrings = (fields: FusFields) => Object.values(fields).every(value => typeof value === 'string');

const realInform = buildFusReply({
	status: '200',
	results: {LATEST_FW_VERSION: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1'},
	put: {
		BINARY_NAME: 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4',
		BINARY_BYTE_SIZE: '9876543210',
		BINARY_CRC: '1234567890',
		MODEL_PATH: '/neofus/9/',
		LOGIC_VALUE_FACTORY: 'abcdefghijklmnop',
		DEVICE_MODEL_DISPLAYNAME: 'Galaxy S23 Ultra',
	},
});
const realHistory = buildFusReply({status: 'S00', records: [
	{BINARY_SW_VERSION: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1', BINARY_EXIST: '1', BINARY_OS_NAME: 'B(Android 15)'},
	{BINARY_SW_VERSION: 'S918BXXS7DYI1/S918BOXM7DYI1/S918BXXS7DYI1/S918BXXS7DYI1', BINARY_EXIST: '0'},
]});
const realVersionXml = '<?xml version="1.0" encoding="UTF-8"?><versioninfo><firmware><model>SM-S918B</model><cc>EUX</cc><version><latest o="15">S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1</latest><upgrade><value rcount="3" fwsize="7123456789">S918BXXS7DYI1/S918BOXM7DYI1/S918BXXS7DYI1</value></upgrade></version></firmware></versioninfo>';
const query = {model: 'SM-S918B', csc: 'EUX', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1'};

const replyLike = fc.oneof(hostileText(300), mutationOf(realInform), mutationOf(realHistory));

test('parseFusReply on random and mutated replies returns strings or throws BAD_REPLY', () => {
	fc.assert(fc.property(replyLike, text => {
		const reply = outcome(() => parseFusReply(text, 'inform'));
		if (!(reply instanceof ProtocolError)) {
			assert.equal(typeof reply.status, 'string');
			assert.notEqual(reply.status, '');
			assert.ok(allStrings(reply.fields));
			assert.ok(reply.records.every(record => allStrings(record)));
		}
	}), fuzzParameters(400));
});

test('an inform reply that parses becomes an InformResult or a BAD_REPLY, for either protocol', () => {
	fc.assert(fc.property(mutationOf(realInform), fc.constantFrom('classic', 'smart') as fc.Arbitrary<'classic' | 'smart'>, (text, protocol) => {
		const reply = outcome(() => parseFusReply(text, 'inform'));
		if (reply instanceof ProtocolError) {
			return;
		}

		const info = outcome(() => informResultFrom(reply.fields, query, protocol));
		if (!(info instanceof ProtocolError)) {
			assert.ok(Number.isSafeInteger(info.size) && info.size >= 0);
			assert.equal(info.key.length, 16);
			assert.equal(typeof info.binaryName, 'string');
			assert.equal(typeof info.modelPath, 'string');
		}
	}), fuzzParameters(400));
});

test('informResultFrom on arbitrary field values returns or throws BAD_REPLY', () => {
	const field = fc.oneof(hostileText(40), fc.constantFrom('', ' ', '0', '-1', '1e3', '99999999999999999999', '4294967296', 'x.enc2', 'x.enc4', 'NaN'));
	const fields = fc.record({
		BINARY_NAME: field, BINARY_BYTE_SIZE: field, BINARY_CRC: field, MODEL_PATH: field,
		LOGIC_VALUE_FACTORY: field, LATEST_FW_VERSION: field, BINARY_SW_VERSION: field,
	}, {requiredKeys: []});
	fc.assert(fc.property(fields, fc.constantFrom('classic', 'smart') as fc.Arbitrary<'classic' | 'smart'>, (put, protocol) => {
		outcome(() => informResultFrom(put as FusFields, query, protocol));
	}), fuzzParameters(400));
});

/** What XML makes of a text value: line ends normalised to \n (XML 1.0 §2.11), then trimmed. */
const asXmlText = (value: string) => value.replaceAll(/\r\n?/g, '\n').trim();

test('any field value survives the trip through a reply as the same plain string, or the reply is refused', () => {
	fc.assert(fc.property(hostileText(60), hostileText(60), (name, path) => {
		const reply = outcome(() => parseFusReply(buildFusReply({status: '200', put: {BINARY_NAME: name, MODEL_PATH: path}}), 'inform'));
		if (!(reply instanceof ProtocolError)) {
			assert.equal(reply.fields['BINARY_NAME'], asXmlText(name));
			assert.equal(reply.fields['MODEL_PATH'], asXmlText(path));
		}
	}), fuzzParameters(400));
});

test('parseFusRequest (the emulator reads client bodies with it) returns strings or throws BAD_REPLY', () => {
	const realRequest = buildFusRequest({ACCESS_MODE: '2', DEVICE_IMEI_PUSH: '351234567890124', LOGIC_CHECK: 'abcdefghijklmnop'}, {get: ['BINARY_SW_VERSION']});
	fc.assert(fc.property(fc.oneof(hostileText(300), mutationOf(realRequest)), text => {
		const request = outcome(() => parseFusRequest(text));
		if (!(request instanceof ProtocolError)) {
			assert.ok(allStrings(request.put));
			assert.ok(request.get.every(name => typeof name === 'string'));
		}
	}), fuzzParameters(400));
});

test('parseVersionXml on random and mutated files returns a VersionInfo or throws BAD_REPLY', () => {
	fc.assert(fc.property(fc.oneof(hostileText(300), mutationOf(realVersionXml)), text => {
		const info = outcome(() => parseVersionXml(text, 'SM-S918B', 'EUX'));
		if (!(info instanceof ProtocolError)) {
			assert.ok(info.latest === undefined || typeof info.latest === 'string');
			assert.ok(info.android === undefined || typeof info.android === 'string');
			for (const upgrade of info.upgrades) {
				assert.equal(typeof upgrade.version, 'string');
				assert.ok(upgrade.rcount === undefined || Number.isSafeInteger(upgrade.rcount));
				assert.ok(upgrade.fwsize === undefined || Number.isFinite(upgrade.fwsize));
			}
		}
	}), fuzzParameters(400));
});
