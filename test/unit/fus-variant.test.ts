import {test} from 'node:test';
import assert from 'node:assert/strict';
import {classicVariant, smartVariant} from '../../source/core/fus/variant.js';
import {informResultFrom, refusal} from '../../source/core/fus/inform-result.js';
import {variantOrder} from '../../source/core/fus/open-download.js';
import {enc2Key, enc4Key, logicCheck} from '../../source/core/fus/crypto.js';
import {buildFusRequest} from '../../source/core/fus/xml.js';
import {ProtocolError} from '../../source/core/errors.js';

const version = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';
const nonce = 'Zy4rB8kQ1mP0xT7w';
const name = 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4';

test('Smart inform carries no device id, asks for BINARY_SW_VERSION and checks the raw nonce', () => {
	const request = smartVariant.informRequest({model: 'SM-S918B', csc: 'EUX', version, deviceId: '351234567890123'}, nonce);
	assert.deepEqual(request.put, {
		ACCESS_MODE: '1',
		BINARY_NATURE: '1',
		REQUEST_TYPE: '2',
		BINARY_SW_VERSION: version,
		BINARY_LOCAL_CODE: 'EUX',
		BINARY_MODEL_NAME: 'SM-S918B',
		LOGIC_CHECK: 'YDB118K99/SS8BSS',
	});
	assert.deepEqual(request.get, ['BINARY_SW_VERSION']);
	assert.doesNotMatch(buildFusRequest(request.put, request), /IMEI/);
});

test('Smart init sends name, version, CSC, model type and LOGIC_CHECK over name[len-25:len-9]', () => {
	const {put} = smartVariant.initRequest({binaryName: name, version, csc: 'EUX', modelType: '9'}, nonce);
	assert.equal(put['LOGIC_CHECK'], logicCheck(name.slice(name.length - 25, name.length - 9), nonce));
	assert.deepEqual(Object.keys(put), ['BINARY_NAME', 'BINARY_SW_VERSION', 'DEVICE_LOCAL_CODE', 'DEVICE_MODEL_TYPE', 'LOGIC_CHECK']);
	assert.equal(put['DEVICE_MODEL_TYPE'], '9');
});

test('classic inform sends the device id and the classic client fields', () => {
	const {put} = classicVariant.informRequest({model: 'SM-S918B', csc: 'EUX', version, deviceId: '351234567890123'}, nonce);
	assert.equal(put['DEVICE_IMEI_PUSH'], '351234567890123');
	assert.equal(put['ACCESS_MODE'], '2');
	assert.equal(put['CLIENT_PRODUCT'], 'Smart Switch');
	assert.equal(put['LOGIC_CHECK'], 'YDB118K99/SS8BSS');
	assert.equal(classicVariant.initRequest({binaryName: name, version, csc: 'EUX', modelType: ''}, nonce).put['BINARY_FILE_NAME'], name);
});

test('status mapping: 200 and S00 succeed per variant; S01 is SMART_REFUSED; 408 says whether an id was sent', () => {
	assert.ok(classicVariant.isSuccess('200') && !classicVariant.isSuccess('S00'));
	assert.ok(smartVariant.isSuccess('S00') && !smartVariant.isSuccess('200'));
	assert.equal(refusal('S01', 'inform', 'smart', {model: 'SM-S918B', csc: 'EUX'}).code, 'SMART_REFUSED');
	const without = refusal('408', 'inform', 'classic', {model: 'SM-S918B', csc: 'EUX'});
	assert.equal(without.code, 'FUS_STATUS');
	assert.equal(without.context.fusStatus, '408');
	assert.equal(without.context.sentDeviceId, false);
	assert.match(without.message, /IMEI or serial of the model is required/);
	assert.equal(refusal('408', 'inform', 'classic', {model: 'SM-S918B', csc: 'EUX', deviceId: '1'}).context.sentDeviceId, true);
});

test('inform results derive the ENC4 key from the served version and the ENC2 key from CSC:MODEL:VERSION', () => {
	const fields = {BINARY_NAME: name, BINARY_BYTE_SIZE: '1048592', BINARY_CRC: '4294967295', MODEL_PATH: '/neofus/9/', LOGIC_VALUE_FACTORY: 'aK3nQ9xZ2bW7cR5v', BINARY_SW_VERSION: version, DEVICE_MODEL_TYPE: '9'};
	const smart = informResultFrom(fields, {model: 'SM-S918B', csc: 'EUX', version: 'OLD/OLD/OLD/OLD'}, 'smart');
	assert.equal(smart.version, version);
	assert.equal(smart.size, 1_048_592);
	assert.equal(smart.crc32, 0xff_ff_ff_ff);
	assert.deepEqual(smart.key, enc4Key(version, 'aK3nQ9xZ2bW7cR5v'));
	const enc2 = informResultFrom({...fields, BINARY_NAME: 'SM-G991B_fw_0123456789abcdef.zip.enc2', LATEST_FW_VERSION: version}, {model: 'SM-G991B', csc: 'EUX', version}, 'classic');
	assert.equal(enc2.encryption, 'enc2');
	assert.deepEqual(enc2.key, enc2Key('EUX', 'SM-G991B', version));
});

test('an inform reply with missing or garbled fields is a BAD_REPLY, not a crash', () => {
	const good = {BINARY_NAME: name, BINARY_BYTE_SIZE: '100', LOGIC_VALUE_FACTORY: 'aK3nQ9xZ2bW7cR5v', BINARY_SW_VERSION: version};
	const query = {model: 'SM-S918B', csc: 'EUX', version};
	for (const bad of [{...good, BINARY_NAME: ''}, {...good, BINARY_BYTE_SIZE: '-1'}, {...good, BINARY_BYTE_SIZE: '1e9'}, {...good, BINARY_CRC: '99999999999'}, {...good, LOGIC_VALUE_FACTORY: ''}]) {
		assert.throws(() => informResultFrom(bad, query, 'smart'), (error: unknown) => error instanceof ProtocolError && error.code === 'BAD_REPLY');
	}
});

test('auto tries Smart first unless classic is remembered for the model', () => {
	assert.deepEqual(variantOrder('auto', 'SM-S918B'), ['smart', 'classic']);
	const memory = {get: (model: string) => (model === 'SM-S918B' ? 'classic' as const : undefined), set() {}};
	assert.deepEqual(variantOrder('auto', 'SM-S918B', memory), ['classic', 'smart']);
	assert.deepEqual(variantOrder('auto', 'SM-A546B', memory), ['smart', 'classic']);
	assert.deepEqual(variantOrder('classic', 'SM-S918B'), ['classic']);
});
