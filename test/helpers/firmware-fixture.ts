/**
 * Small synthetic firmware for tests: a zip of `.tar.md5` members (a tar-like body, then the MD5
 * line Odin checks), encrypted with AES-128-ECB + PKCS#7 like FUS serves it.
 */
import {createHash, randomBytes} from 'node:crypto';
import {crc32, deflateRawSync} from 'node:zlib';
import {encryptFirmware} from '../../source/core/fus/crypto.js';
import type {RemoteFile} from '../../source/core/transfer/types.js';

export type Member = {name: string; data: Buffer; deflate?: boolean};

/** A tar-ish body (random bytes, then two zero blocks as a tar ends) and its MD5 line. */
export function tarMd5(name: string, bytes: number, options: {corrupt?: boolean} = {}): Buffer {
	const tar = Buffer.concat([randomBytes(bytes), Buffer.alloc(1024)]);
	const md5 = createHash('md5').update(tar).digest('hex');
	if (options.corrupt) {
		tar[Math.floor(bytes / 2)]! ^= 0xff;
	}

	return Buffer.concat([tar, Buffer.from(`${md5}  ${name.replace(/\.md5$/, '')}\n`)]);
}

export function makeZip(members: Member[], options: {zip64?: boolean} = {}): Buffer {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	const z64 = options.zip64 ?? false;
	for (const member of members) {
		const name = Buffer.from(member.name);
		const body = member.deflate ? deflateRawSync(member.data) : member.data;
		const crc = crc32(member.data);
		const extraLocal = z64 ? zip64Extra([member.data.length, body.length]) : Buffer.alloc(0);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(z64 ? 45 : 20, 4);
		local.writeUInt16LE(0x800, 6);
		local.writeUInt16LE(member.deflate ? 8 : 0, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(z64 ? 0xffffffff : body.length, 18);
		local.writeUInt32LE(z64 ? 0xffffffff : member.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(extraLocal.length, 28);
		parts.push(local, name, extraLocal, body);

		const extra = z64 ? zip64Extra([member.data.length, body.length, offset]) : Buffer.alloc(0);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(z64 ? 45 : 20, 4);
		entry.writeUInt16LE(z64 ? 45 : 20, 6);
		entry.writeUInt16LE(0x800, 8);
		entry.writeUInt16LE(member.deflate ? 8 : 0, 10);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(z64 ? 0xffffffff : body.length, 20);
		entry.writeUInt32LE(z64 ? 0xffffffff : member.data.length, 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt16LE(extra.length, 30);
		entry.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
		central.push(entry, name, extra);
		offset += local.length + name.length + extraLocal.length + body.length;
	}

	const directory = Buffer.concat(central);
	const tail: Buffer[] = [];
	if (z64) {
		const record = Buffer.alloc(56);
		record.writeUInt32LE(0x06064b50, 0);
		record.writeBigUInt64LE(44n, 4);
		record.writeUInt16LE(45, 12);
		record.writeUInt16LE(45, 14);
		record.writeBigUInt64LE(BigInt(members.length), 24);
		record.writeBigUInt64LE(BigInt(members.length), 32);
		record.writeBigUInt64LE(BigInt(directory.length), 40);
		record.writeBigUInt64LE(BigInt(offset), 48);
		const locator = Buffer.alloc(20);
		locator.writeUInt32LE(0x07064b50, 0);
		locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
		locator.writeUInt32LE(1, 16);
		tail.push(record, locator);
	}

	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(z64 ? 0xffff : members.length, 8);
	end.writeUInt16LE(z64 ? 0xffff : members.length, 10);
	end.writeUInt32LE(z64 ? 0xffffffff : directory.length, 12);
	end.writeUInt32LE(z64 ? 0xffffffff : offset, 16);
	return Buffer.concat([...parts, directory, ...tail, end]);
}

function zip64Extra(values: number[]): Buffer {
	const extra = Buffer.alloc(4 + 8 * values.length);
	extra.writeUInt16LE(1, 0);
	extra.writeUInt16LE(8 * values.length, 2);
	for (const [i, value] of values.entries()) {
		extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i);
	}

	return extra;
}

export type Firmware = {zip: Buffer; encrypted: Buffer; key: Buffer; remote: RemoteFile; sha256: string};

export const testKey = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

/** About `totalBytes` of firmware zip (stored AP, deflated CSC, a plain text member), encrypted. */
export function makeFirmware(options: {totalBytes?: number; corruptMember?: boolean; zip64?: boolean; binaryName?: string} = {}): Firmware {
	const total = options.totalBytes ?? 3 << 20;
	const zip = makeZip([
		{name: 'AP_S918BXXS8DYK1_CL1_FACTORY.tar.md5', data: tarMd5('AP_S918BXXS8DYK1_CL1_FACTORY.tar.md5', Math.floor(total * 0.8), {corrupt: options.corruptMember})},
		{name: 'CSC_OXM_S918BOXM8DYK1.tar.md5', data: tarMd5('CSC_OXM_S918BOXM8DYK1.tar.md5', Math.floor(total * 0.2)), deflate: true},
		{name: 'notes.txt', data: Buffer.from('not a tar\n')},
	], {zip64: options.zip64});
	const encrypted = encryptFirmware(testKey, zip);
	return {
		zip,
		encrypted,
		key: testKey,
		sha256: createHash('sha256').update(zip).digest('hex'),
		remote: {
			binaryName: options.binaryName ?? 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4',
			size: encrypted.length,
			crc32: crc32(encrypted),
			key: testKey,
			version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1',
		},
	};
}
