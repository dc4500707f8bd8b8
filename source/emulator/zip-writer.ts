/**
 * A minimal ZIP writer for stored (method 0) members whose size and CRC32 are known before their
 * bytes are produced. Knowing them up front puts them in the local headers (no data descriptors),
 * so sequential readers and central-directory readers see the same thing. ZIP64 records are added
 * only when a size or offset needs them (Samsung's AP packages pass 4 GiB), or always on request so
 * that the ZIP64 layout can be tested without writing gigabytes.
 */

export type ZipMember = {
	name: string;
	size: number;
	crc32: number;
	modified: Date;
	/** The member's bytes; their total length must be `size`. */
	body: () => AsyncIterable<Buffer> | Iterable<Buffer>;
};

export type ZipOptions = {zip64?: 'auto' | 'always'};

const u32Max = 0xff_ff_ff_ff;
const u16Max = 0xff_ff;

/** DOS date and time fields (local time in the format; UTC here, so output does not depend on TZ). */
function dosDateTime(date: Date): {time: number; date: number} {
	const year = Math.max(1980, date.getUTCFullYear());
	return {
		time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
		date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
	};
}

/** The ZIP64 extended-information extra field (0x0001) with the given 64-bit values in order. */
function zip64Extra(values: number[]): Buffer {
	const extra = Buffer.alloc(4 + 8 * values.length);
	extra.writeUInt16LE(0x00_01, 0);
	extra.writeUInt16LE(8 * values.length, 2);
	for (const [index, value] of values.entries()) {
		extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index);
	}

	return extra;
}

type Written = {name: Buffer; size: number; crc32: number; modified: Date; offset: number};

function localHeader(member: Written, zip64: boolean): Buffer {
	// The local ZIP64 extra must hold both sizes when present (APPNOTE 4.5.3).
	const extra = zip64 ? zip64Extra([member.size, member.size]) : Buffer.alloc(0);
	const header = Buffer.alloc(30);
	const {time, date} = dosDateTime(member.modified);
	header.writeUInt32LE(0x04_03_4b_50, 0);
	header.writeUInt16LE(zip64 ? 45 : 20, 4);
	header.writeUInt16LE(0, 6);
	header.writeUInt16LE(0, 8);
	header.writeUInt16LE(time, 10);
	header.writeUInt16LE(date, 12);
	header.writeUInt32LE(member.crc32 >>> 0, 14);
	header.writeUInt32LE(zip64 ? u32Max : member.size, 18);
	header.writeUInt32LE(zip64 ? u32Max : member.size, 22);
	header.writeUInt16LE(member.name.length, 26);
	header.writeUInt16LE(extra.length, 28);
	return Buffer.concat([header, member.name, extra]);
}

function centralHeader(member: Written, zip64: boolean): Buffer {
	const bigSize = zip64 || member.size >= u32Max;
	const bigOffset = zip64 || member.offset >= u32Max;
	const values = [...(bigSize ? [member.size, member.size] : []), ...(bigOffset ? [member.offset] : [])];
	const extra = values.length > 0 ? zip64Extra(values) : Buffer.alloc(0);
	const header = Buffer.alloc(46);
	const {time, date} = dosDateTime(member.modified);
	header.writeUInt32LE(0x02_01_4b_50, 0);
	// Made by Unix (3) so that the external attributes below carry a regular file mode.
	header.writeUInt16LE((3 << 8) | 45, 4);
	header.writeUInt16LE(values.length > 0 ? 45 : 20, 6);
	header.writeUInt16LE(0, 8);
	header.writeUInt16LE(0, 10);
	header.writeUInt16LE(time, 12);
	header.writeUInt16LE(date, 14);
	header.writeUInt32LE(member.crc32 >>> 0, 16);
	header.writeUInt32LE(bigSize ? u32Max : member.size, 20);
	header.writeUInt32LE(bigSize ? u32Max : member.size, 24);
	header.writeUInt16LE(member.name.length, 28);
	header.writeUInt16LE(extra.length, 30);
	header.writeUInt16LE(0, 32);
	header.writeUInt16LE(0, 34);
	header.writeUInt16LE(0, 36);
	header.writeUInt32LE((0o100_644 << 16) >>> 0, 38);
	header.writeUInt32LE(bigOffset ? u32Max : member.offset, 42);
	return Buffer.concat([header, member.name, extra]);
}

function endRecords(count: number, directoryOffset: number, directorySize: number, zip64: boolean): Buffer {
	const needs64 = zip64 || count >= u16Max || directoryOffset >= u32Max || directorySize >= u32Max;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06_05_4b_50, 0);
	end.writeUInt16LE(needs64 ? u16Max : count, 8);
	end.writeUInt16LE(needs64 ? u16Max : count, 10);
	end.writeUInt32LE(needs64 ? u32Max : directorySize, 12);
	end.writeUInt32LE(needs64 ? u32Max : directoryOffset, 16);
	if (!needs64) {
		return end;
	}

	const record = Buffer.alloc(56);
	record.writeUInt32LE(0x06_06_4b_50, 0);
	record.writeBigUInt64LE(44n, 4);
	record.writeUInt16LE((3 << 8) | 45, 12);
	record.writeUInt16LE(45, 14);
	record.writeBigUInt64LE(BigInt(count), 24);
	record.writeBigUInt64LE(BigInt(count), 32);
	record.writeBigUInt64LE(BigInt(directorySize), 40);
	record.writeBigUInt64LE(BigInt(directoryOffset), 48);
	const locator = Buffer.alloc(20);
	locator.writeUInt32LE(0x07_06_4b_50, 0);
	locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
	locator.writeUInt32LE(1, 16);
	return Buffer.concat([record, locator, end]);
}

/** The bytes of a zip of stored members, in order, as they are produced. */
export async function * zipStored(members: AsyncIterable<ZipMember> | Iterable<ZipMember>, options: ZipOptions = {}): AsyncGenerator<Buffer> {
	const written: Written[] = [];
	let offset = 0;
	for await (const member of members) {
		const entry: Written = {name: Buffer.from(member.name, 'utf8'), size: member.size, crc32: member.crc32, modified: member.modified, offset};
		const header = localHeader(entry, options.zip64 === 'always' || member.size >= u32Max);
		yield header;
		let length = 0;
		for await (const chunk of member.body()) {
			length += chunk.length;
			yield chunk;
		}

		// A size mismatch would make a zip that only some readers reject: fail loudly here instead.
		if (length !== member.size) {
			throw new Error(`zip member ${member.name} produced ${length} bytes, declared ${member.size}`);
		}

		offset += header.length + length;
		written.push(entry);
	}

	const directory = Buffer.concat(written.map(entry => centralHeader(entry, options.zip64 === 'always')));
	yield Buffer.concat([directory, endRecords(written.length, offset, directory.length, options.zip64 === 'always')]);
}
