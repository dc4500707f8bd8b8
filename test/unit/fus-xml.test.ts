import {test} from 'node:test';
import assert from 'node:assert/strict';
import {buildFusReply, buildFusRequest, parseFusReply, parseFusRequest} from '../../source/core/fus/xml.js';
import {ProtocolError} from '../../source/core/errors.js';

test('a request round-trips and keeps values as strings', () => {
	const body = buildFusRequest({ACCESS_MODE: '2', LOGIC_VALUE: '00012', DEVICE_IMEI_PUSH: '351234567890123', NAME: 'a<b & "c"'}, {get: ['BINARY_SW_VERSION']});
	assert.match(body, /^<FUSMsg><FUSHdr><ProtoVer>1.0<\/ProtoVer>/);
	assert.match(body, /<ACCESS_MODE><Data>2<\/Data><\/ACCESS_MODE>/);
	assert.match(body, /<Get><CmdID>2<\/CmdID><BINARY_SW_VERSION><\/BINARY_SW_VERSION><\/Get>/);
	const parsed = parseFusRequest(body);
	assert.deepEqual(parsed.put, {ACCESS_MODE: '2', LOGIC_VALUE: '00012', DEVICE_IMEI_PUSH: '351234567890123', NAME: 'a<b & "c"'});
	assert.deepEqual(parsed.get, ['BINARY_SW_VERSION']);
});

test('a reply gives status, fields from Results and Put, and BINARY_INFO records', () => {
	const xml = buildFusReply({
		status: 'S00',
		results: {LATEST_FW_VERSION: 'A/B/C/D'},
		put: {BINARY_NAME: 'x.zip.enc4', BINARY_BYTE_SIZE: '0100'},
		records: [{BINARY_SW_VERSION: 'S1'}, {BINARY_SW_VERSION: 'S2'}],
	});
	const reply = parseFusReply(xml, 'inform');
	assert.equal(reply.status, 'S00');
	assert.equal(reply.fields['LATEST_FW_VERSION'], 'A/B/C/D');
	assert.equal(reply.fields['BINARY_BYTE_SIZE'], '0100');
	assert.deepEqual(reply.records.map(r => r['BINARY_SW_VERSION']), ['S1', 'S2']);
	const one = parseFusReply(buildFusReply({status: '200', records: [{BINARY_SW_VERSION: 'only'}]}), 'history');
	assert.equal(one.records.length, 1);
});

test('malformed replies become ProtocolError BAD_REPLY, never a crash', () => {
	for (const text of ['', 'not xml at all', '<html><body>502 Bad Gateway</body></html>', '<FUSMsg><FUSBody><Put/></FUSBody></FUSMsg>', '<FUSMsg><FUSBody><Results><Status></Status></Results>', '<<<>>>']) {
		assert.throws(() => parseFusReply(text, 'inform'), (error: unknown) => error instanceof ProtocolError && error.code === 'BAD_REPLY' && error.context.stage === 'inform', text);
	}
});

test('oversized replies are refused before parsing', () => {
	const huge = '<FUSMsg>' + 'x'.repeat(5 * 1024 * 1024) + '</FUSMsg>';
	assert.throws(() => parseFusReply(huge, 'inform'), /far larger/);
});
