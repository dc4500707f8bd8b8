/**
 * An independent, test-only zip reader (stored members only): end record → central directory →
 * local headers, ZIP64 included. Written from APPNOTE, not from the emulator's writer, so that the
 * two cannot share a misreading.
 */
export type ZipEntry = {name: string; method: number; crc32: number; size: number; data: Buffer};

function findEnd(zip: Buffer): number {
	for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
		if (zip.readUInt32LE(at) === 0x06_05_4b_50) {
			return at;
		}
	}

	throw new Error('no end of central directory record');
}

export function readZip(zip: Buffer): ZipEntry[] {
	const end = findEnd(zip);
	let count = zip.readUInt16LE(end + 10);
	let directory = zip.readUInt32LE(end + 16);
	if (count === 0xff_ff || directory === 0xff_ff_ff_ff) {
		const locator = end - 20;
		if (zip.readUInt32LE(locator) !== 0x07_06_4b_50) {
			throw new Error('ZIP64 values without a ZIP64 locator');
		}

		const record = Number(zip.readBigUInt64LE(locator + 8));
		if (zip.readUInt32LE(record) !== 0x06_06_4b_50) {
			throw new Error('the ZIP64 locator points at no ZIP64 end record');
		}

		count = Number(zip.readBigUInt64LE(record + 32));
		directory = Number(zip.readBigUInt64LE(record + 48));
	}

	const entries: ZipEntry[] = [];
	let at = directory;
	for (let index = 0; index < count; index++) {
		if (zip.readUInt32LE(at) !== 0x02_01_4b_50) {
			throw new Error(`central header ${index} has a bad signature`);
		}

		const nameLength = zip.readUInt16LE(at + 28);
		const extraLength = zip.readUInt16LE(at + 30);
		const commentLength = zip.readUInt16LE(at + 32);
		const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
		let compressed = zip.readUInt32LE(at + 20);
		let size = zip.readUInt32LE(at + 24);
		let offset = zip.readUInt32LE(at + 42);
		const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
		for (let field = 0; field + 4 <= extra.length; field += 4 + extra.readUInt16LE(field + 2)) {
			if (extra.readUInt16LE(field) === 0x00_01) {
				// Only the values whose 32-bit fields are saturated are present, in this order.
				let value = field + 4;
				const next = () => {
					const read = Number(extra.readBigUInt64LE(value));
					value += 8;
					return read;
				};

				size = size === 0xff_ff_ff_ff ? next() : size;
				compressed = compressed === 0xff_ff_ff_ff ? next() : compressed;
				offset = offset === 0xff_ff_ff_ff ? next() : offset;
			}
		}

		if (zip.readUInt32LE(offset) !== 0x04_03_4b_50) {
			throw new Error(`local header of ${name} has a bad signature`);
		}

		const localName = zip.toString('utf8', offset + 30, offset + 30 + zip.readUInt16LE(offset + 26));
		if (localName !== name) {
			throw new Error(`local header names ${localName}, central directory ${name}`);
		}

		// Sizes and CRC are known up front, so the local header must repeat them (no data descriptor).
		const localSize = zip.readUInt32LE(offset + 22);
		if (zip.readUInt16LE(offset + 6) & 0x08 || zip.readUInt32LE(offset + 14) !== zip.readUInt32LE(at + 16) || (localSize !== 0xff_ff_ff_ff && localSize !== size)) {
			throw new Error(`local header of ${name} disagrees with the central directory`);
		}

		const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
		entries.push({name, method: zip.readUInt16LE(at + 10), crc32: zip.readUInt32LE(at + 16), size, data: zip.subarray(dataStart, dataStart + compressed)});
		at += 46 + nameLength + extraLength + commentLength;
	}

	return entries;
}
