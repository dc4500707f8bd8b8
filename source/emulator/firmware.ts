/**
 * Deterministic firmware for the emulator: plaintext from an AES-128-CTR keystream of a seed (fast,
 * reproducible), encrypted the way FUS serves it, with its CRC32 and the values the inform reply
 * announces. Held in memory, so sizes are meant for tests and the demo (the default is 256 KiB).
 * Not yet a zip of .tar.md5 members: see source/emulator/README.md.
 */
import {createCipheriv, createHash} from 'node:crypto';
import {crc32} from 'node:zlib';
import {enc2Key, enc4Key, encryptFirmware} from '../core/fus/crypto.js';
import type {EmulatorModel} from './catalog.js';

export type EmulatorFirmware = {
	model: string;
	csc: string;
	version: string;
	binaryName: string;
	modelPath: string;
	logicValue: string;
	key: Buffer;
	plain: Buffer;
	plainSha256: string;
	encrypted: Buffer;
	crc32: number;
};

const digest = (text: string) => createHash('sha256').update(text).digest();

export function makeFirmware(entry: EmulatorModel, csc: string, version: string, size: number): EmulatorFirmware {
	const seed = digest(`${entry.model}|${csc}|${version}|${size}`);
	const keystream = createCipheriv('aes-128-ctr', seed.subarray(0, 16), seed.subarray(16, 32));
	const plain = keystream.update(Buffer.alloc(size));
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const pick = (offset: number, length: number) => Array.from(seed.subarray(offset, offset + length), byte => alphabet[byte % alphabet.length]).join('');
	const logicValue = pick(0, 16);
	const stamp = `2025${String(1 + (seed[20]! % 12)).padStart(2, '0')}${String(10 + (seed[21]! % 18))}021001`;
	const binaryName = `${entry.model}_1_${stamp}_${pick(16, 10)}_fac.zip.${entry.encryption}`;
	const key = entry.encryption === 'enc2' ? enc2Key(csc, entry.model, version) : enc4Key(version, logicValue);
	const encrypted = encryptFirmware(key, plain);
	return {
		model: entry.model,
		csc,
		version,
		binaryName,
		modelPath: `/neofus/${1 + (seed[22]! % 9)}/`,
		logicValue,
		key,
		plain,
		plainSha256: createHash('sha256').update(plain).digest('hex'),
		encrypted,
		crc32: crc32(encrypted) >>> 0,
	};
}
