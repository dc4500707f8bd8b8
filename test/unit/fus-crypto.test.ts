/**
 * Vectors computed independently of this code, with the `openssl enc` CLI and Python's hashlib
 * (the script is in the comment below), from the definitions in ../shared/fus-protocol.md.
 *
 *   nonce = 'Zy4rB8kQ1mP0xT7w'; K1, K2 as in the spec
 *   openssl enc -aes-256-cbc -K hex(K1) -iv hex(K1[:16])            <<< nonce  → encrypted nonce
 *   fkey = ''.join(K1[ord(c)%16] for c in nonce)+K2
 *   openssl enc -aes-256-cbc -K hex(fkey) -iv hex(fkey[:16])         <<< nonce  → classic signature
 *   openssl enc -aes-128-ecb -K 422e…a5 -nopad  <<< (nonce+'0'*16)[:16]          → smart signature (hex)
 *   md5(md5('auth:'+nonce+':00000001')+':FUS:'+md5('interface:SM-S918B'))       → history signature
 *   ''.join(ver[ord(c)&15] for c in nonce)                                     → LOGIC_CHECK
 *   md5('EUX:SM-S918B:'+ver), md5(logic_check(ver, 'aK3nQ9xZ2bW7cR5v'))         → ENC2, ENC4 keys
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from '../../source/core/fus/crypto.js';

const nonce = 'Zy4rB8kQ1mP0xT7w';
const version = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';

test('classic nonce encrypts and decrypts to the openssl vector', () => {
	assert.equal(crypto.encryptNonce(nonce), 'SE0uZ60jW72hh1WmBAdeLJrjNtk4DEM5KZriAF/DGso=');
	assert.equal(crypto.decryptNonce('SE0uZ60jW72hh1WmBAdeLJrjNtk4DEM5KZriAF/DGso='), nonce);
});

test('classic signature matches the openssl vector', () => {
	assert.equal(crypto.classicSignature(nonce), 'TFEUWYHoX5akGYmRSQvkhLYHAQDM6l8p16PklIqkAKE=');
});

test('smart signature is lowercase hex AES-128-ECB, zero-character padded for short nonces', () => {
	assert.equal(crypto.smartSignature(nonce), '0dbc693619afb5bcd38ae24a89e8ec33');
	assert.equal(crypto.smartSignature('short'), 'c326903d6bf9db51c00a5f043feb0f48');
	// Only the first 16 bytes count.
	assert.equal(crypto.smartSignature(nonce + 'EXTRA'), '0dbc693619afb5bcd38ae24a89e8ec33');
});

test('history signature matches the hashlib vector', () => {
	assert.equal(crypto.historySignature(nonce, 'SM-S918B'), 'b36a5a6eb2fd88a5b0f29a371b3c9a9e');
});

test('LOGIC_CHECK picks input[c & 0xF] per nonce character and refuses short input', () => {
	assert.equal(crypto.logicCheck(version, nonce), 'YDB118K99/SS8BSS');
	assert.throws(() => crypto.logicCheck('too short', nonce), RangeError);
});

test('file keys: ENC2 from CSC:MODEL:VERSION, ENC4 from LOGIC_CHECK(version, logic value)', () => {
	assert.equal(crypto.enc2Key('EUX', 'SM-S918B', version).toString('hex'), '388f58cf62ace83451caed04effe140a');
	assert.equal(crypto.enc4Key(version, 'aK3nQ9xZ2bW7cR5v').toString('hex'), '1eb92d5e2a5640f1a9cdbb82c5930fc6');
});

test('init LOGIC_CHECK inputs: classic takes the 16 chars before the first dot, smart name[len-25:len-9]', () => {
	const name = 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4';
	assert.equal(crypto.classicInitLogicInput(name), '01_k6hk0664tq_fac'.slice(-16));
	assert.equal(crypto.smartInitLogicInput(name), name.slice(name.length - 25, name.length - 9));
	assert.equal(crypto.smartInitLogicInput(name), crypto.classicInitLogicInput(name));
});

test('firmware blocks decrypt independently and PKCS#7 padding is validated', () => {
	const key = crypto.enc2Key('EUX', 'SM-S918B', version);
	const plain = Buffer.from('x'.repeat(100));
	const encrypted = crypto.encryptFirmware(key, plain);
	assert.equal(encrypted.length, 112);
	// Decrypt the second half alone: ECB blocks do not depend on each other.
	const tail = crypto.createBlockDecipher(key).update(encrypted.subarray(48));
	assert.deepEqual(tail.subarray(0, 52), plain.subarray(48));
	assert.equal(crypto.pkcs7PaddingLength(tail.subarray(-16)), 12);
	assert.equal(crypto.pkcs7PaddingLength(Buffer.alloc(16, 0)), undefined);
	assert.equal(crypto.pkcs7PaddingLength(Buffer.from('0123456789abcde\u0003')), undefined);
});
