/**
 * Just enough of the zip format to verify firmware: the central directory (zip64 included), and a
 * stream of each member's bytes (stored or deflated) read straight from the file. No member is ever
 * held in memory. Format facts: PKWARE APPNOTE.TXT §4.3 (records) and §4.5.3 (zip64 extra field).
 */
import {createReadStream} from 'node:fs';
import {open, type FileHandle} from 'node:fs/promises';
import {Readable} from 'node:stream';
import {createInflateRaw} from 'node:zlib';
import {VerifyError} from '../errors.js';
import {printable} from '../quote.js';

export type ZipEntry = {
	name: string;
	/** 0 stored, 8 deflated. */
	method: number;
	compressedSize: number;
	uncompressedSize: number;
	crc32: number;
	localHeaderOffset: number;
};

const signatures = {eocd: 0x06054b50, zip64Locator: 0x07064b50, zip64Eocd: 0x06064b50, central: 0x02014b50, local: 0x04034b50};
const maxDirectoryBytes = 64 * 1024 * 1024;
const u32max = 0xffff_ffff;

const notAZip = (path: string, why: string) =>
	new VerifyError('NOT_A_ZIP', `${path} is not a valid zip (${why}): the key is wrong or the file is damaged; download it again`, {stage: 'verify', path});

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
	const buffer = Buffer.alloc(length);
	const {bytesRead} = await handle.read(buffer, 0, length, position);
	return buffer.subarray(0, bytesRead);
}

function u64(buffer: Buffer, offset: number): number {
	const value = buffer.readBigUInt64LE(offset);
	if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
		throw new RangeError('zip64 value too large');
	}

	return Number(value);
}

export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
	const handle = await open(path, 'r');
	try {
		return await readDirectory(handle, path);
	} catch (error) {
		throw error instanceof VerifyError ? error : notAZip(path, (error as Error).message);
	} finally {
		await handle.close();
	}
}

/**
 * The central directory of a zip that ends at `size` in an open file (the whole file unless told:
 * a download still in progress knows where the zip will end before the file is complete).
 */
export async function readDirectory(handle: FileHandle, path: string, size?: number): Promise<ZipEntry[]> {
	size ??= (await handle.stat()).size;
	const tailLength = Math.min(size, 22 + 0xffff);
	const tail = await readAt(handle, size - tailLength, tailLength);
	let eocd = -1;
	for (let i = tail.length - 22; i >= 0; i--) {
		if (tail.readUInt32LE(i) === signatures.eocd && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
			eocd = i;
			break;
		}
	}

	if (eocd < 0) {
		throw notAZip(path, 'no end-of-central-directory record');
	}

	let count = tail.readUInt16LE(eocd + 10);
	let directorySize = tail.readUInt32LE(eocd + 12);
	let directoryOffset = tail.readUInt32LE(eocd + 16);
	const locatorAt = size - tailLength + eocd - 20;
	if (locatorAt >= 0) {
		const locator = await readAt(handle, locatorAt, 20);
		if (locator.length === 20 && locator.readUInt32LE(0) === signatures.zip64Locator) {
			const record = await readAt(handle, u64(locator, 8), 56);
			if (record.length < 56 || record.readUInt32LE(0) !== signatures.zip64Eocd) {
				throw notAZip(path, 'broken zip64 end record');
			}

			count = u64(record, 32);
			directorySize = u64(record, 40);
			directoryOffset = u64(record, 48);
		}
	}

	if (directorySize > maxDirectoryBytes || directoryOffset + directorySize > size) {
		throw notAZip(path, 'central directory out of bounds');
	}

	const directory = await readAt(handle, directoryOffset, directorySize);
	const entries: ZipEntry[] = [];
	let at = 0;
	for (let n = 0; n < count; n++) {
		if (at + 46 > directory.length || directory.readUInt32LE(at) !== signatures.central) {
			throw notAZip(path, `central directory entry ${n} is damaged`);
		}

		const flags = directory.readUInt16LE(at + 8);
		const nameLength = directory.readUInt16LE(at + 28);
		const extraLength = directory.readUInt16LE(at + 30);
		const commentLength = directory.readUInt16LE(at + 32);
		const entry: ZipEntry = {
			name: directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength),
			method: directory.readUInt16LE(at + 10),
			crc32: directory.readUInt32LE(at + 16),
			compressedSize: directory.readUInt32LE(at + 20),
			uncompressedSize: directory.readUInt32LE(at + 24),
			localHeaderOffset: directory.readUInt32LE(at + 42),
		};
		applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
		if (flags & 1) {
			throw notAZip(path, `member ${printable(entry.name)} is encrypted`);
		}

		entries.push(entry);
		at += 46 + nameLength + extraLength + commentLength;
	}

	return entries;
}

/** Fields that overflowed 32 bits live in the zip64 extra block, in this order, only when they overflowed. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
	for (let at = 0; at + 4 <= extra.length;) {
		const id = extra.readUInt16LE(at);
		const length = extra.readUInt16LE(at + 2);
		if (id === 0x0001) {
			let field = at + 4;
			for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
				if (entry[key] === u32max && field + 8 <= at + 4 + length) {
					entry[key] = u64(extra, field);
					field += 8;
				}
			}
		}

		at += 4 + length;
	}
}

/** Where a member's bytes start, from its 30-byte local header. */
export function memberDataStart(header: Buffer, entry: ZipEntry, path: string): number {
	if (header.length < 30 || header.readUInt32LE(0) !== signatures.local) {
		throw notAZip(path, `local header of ${printable(entry.name)} is damaged`);
	}

	return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** The member's uncompressed bytes as a stream (1 MiB reads); inflated on the fly when deflated. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
	const handle = await open(path, 'r');
	let header: Buffer;
	try {
		header = await readAt(handle, entry.localHeaderOffset, 30);
	} finally {
		await handle.close();
	}

	if (entry.method !== 0 && entry.method !== 8) {
		throw notAZip(path, `member ${printable(entry.name)} uses compression method ${entry.method}`);
	}

	const start = memberDataStart(header, entry, path);
	if (entry.compressedSize === 0) {
		return Readable.from([]);
	}

	const raw = createReadStream(path, {start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20});
	if (entry.method === 0) {
		return raw;
	}

	const inflate = createInflateRaw();
	raw.on('error', error => inflate.destroy(error));
	return raw.pipe(inflate);
}
