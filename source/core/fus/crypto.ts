/**
 * FUS cryptography: nonce handling and request signatures for both protocol variants,
 * LOGIC_CHECK, and the firmware file keys. Facts from ../shared/fus-protocol.md, checked against
 * samloader (Python), samloader-rs `fus/src/xml.rs`/`fusclient.rs` and Bifrost.
 */
import {createCipheriv, createDecipheriv, createHash, type Decipher} from 'node:crypto';

export const KEY_1 = 'vicopx7dqu06emacgpnpy8j8zwhduwlh';
export const KEY_2 = '9u7qab84rpc16gvk';
/** Smart Switch's published signature key (AES-128). */
export const SMART_KEY = Buffer.from('422e73733617ae2b198940fd4e32b0a5', 'hex');

function aes256CbcEncrypt(key: string, plain: Buffer): Buffer {
	const cipher = createCipheriv('aes-256-cbc', Buffer.from(key, 'latin1'), Buffer.from(key.slice(0, 16), 'latin1'));
	return Buffer.concat([cipher.update(plain), cipher.final()]);
}

function aes256CbcDecrypt(key: string, encrypted: Buffer): Buffer {
	const decipher = createDecipheriv('aes-256-cbc', Buffer.from(key, 'latin1'), Buffer.from(key.slice(0, 16), 'latin1'));
	return Buffer.concat([decipher.update(encrypted), decipher.final()]);
}

/** Classic: the NONCE header is base64 of AES-256-CBC(KEY_1) over the 16-character nonce. Throws on garbage. */
export function decryptNonce(header: string): string {
	return aes256CbcDecrypt(KEY_1, Buffer.from(header, 'base64')).toString('latin1');
}

/** The server side of decryptNonce (the emulator needs it). */
export function encryptNonce(nonce: string): string {
	return aes256CbcEncrypt(KEY_1, Buffer.from(nonce, 'latin1')).toString('base64');
}

/** Classic signature: key = KEY_1[c mod 16] for each nonce char, then KEY_2; base64 AES-256-CBC of the nonce. */
export function classicSignature(nonce: string): string {
	let fkey = '';
	for (let i = 0; i < 16; i++) {
		fkey += KEY_1[nonce.charCodeAt(i) % 16];
	}

	return aes256CbcEncrypt(fkey + KEY_2, Buffer.from(nonce, 'latin1')).toString('base64');
}

/** Smart signature: lowercase hex of AES-128-ECB(SMART_KEY) over the nonce's first 16 bytes, '0'-padded. */
export function smartSignature(nonce: string): string {
	const block = Buffer.alloc(16, '0');
	Buffer.from(nonce, 'latin1').copy(block, 0, 0, 16);
	const cipher = createCipheriv('aes-128-ecb', SMART_KEY, null).setAutoPadding(false);
	return Buffer.concat([cipher.update(block), cipher.final()]).toString('hex');
}

const md5hex = (text: string) => createHash('md5').update(text, 'latin1').digest('hex');

/** SmartHistory.do signature: md5(md5("auth:N:00000001") + ":FUS:" + md5("interface:" + MODEL)). */
export function historySignature(nonce: string, model: string): string {
	return md5hex(`${md5hex(`auth:${nonce}:00000001`)}:FUS:${md5hex(`interface:${model}`)}`);
}

/** LOGIC_CHECK: for each nonce character c, input[c & 0xF]. The input must have at least 16 characters. */
export function logicCheck(input: string, nonce: string): string {
	if (input.length < 16) {
		throw new RangeError(`LOGIC_CHECK input must have at least 16 characters, got ${input.length}`);
	}

	let out = '';
	for (let i = 0; i < nonce.length; i++) {
		out += input[nonce.charCodeAt(i) & 0xf];
	}

	return out;
}

/** Classic BinaryInit: the last 16 characters of the file name before its first dot. */
export function classicInitLogicInput(fileName: string): string {
	const stem = fileName.split('.')[0] ?? '';
	return stem.slice(-16);
}

/** Smart BinaryInit: name[len-25 : len-9] (the same 16 characters for names ending in `.zip.enc4`). */
export function smartInitLogicInput(fileName: string): string {
	return fileName.slice(Math.max(0, fileName.length - 25), Math.max(0, fileName.length - 9));
}

/** ENC2 key: MD5("<CSC>:<MODEL>:<VERSION>"). */
export function enc2Key(csc: string, model: string, version: string): Buffer {
	return createHash('md5').update(`${csc}:${model}:${version}`, 'latin1').digest();
}

/** ENC4 key: MD5(LOGIC_CHECK(version, LOGIC_VALUE_FACTORY)), both from the inform reply. */
export function enc4Key(version: string, logicValue: string): Buffer {
	return createHash('md5').update(logicCheck(version, logicValue), 'latin1').digest();
}

/** A decipher for any run of whole 16-byte blocks; padding is removed by the caller at the very end. */
export function createBlockDecipher(key: Buffer): Decipher {
	return createDecipheriv('aes-128-ecb', key, null).setAutoPadding(false);
}

/** The encryptor the emulator uses to make .enc2/.enc4 files (with PKCS#7 padding). */
export function encryptFirmware(key: Buffer, plain: Buffer): Buffer {
	const cipher = createCipheriv('aes-128-ecb', key, null);
	return Buffer.concat([cipher.update(plain), cipher.final()]);
}

/**
 * Validates PKCS#7 padding on the last decrypted block and returns how many bytes to drop,
 * or undefined when the padding is invalid (a wrong key, almost always).
 */
export function pkcs7PaddingLength(lastBlock: Buffer): number | undefined {
	if (lastBlock.length !== 16) {
		return undefined;
	}

	const pad = lastBlock[15]!;
	if (pad < 1 || pad > 16) {
		return undefined;
	}

	for (let i = 16 - pad; i < 16; i++) {
		if (lastBlock[i] !== pad) {
			return undefined;
		}
	}

	return pad;
}
