/**
 * CRC32 of a concatenation from the CRCs of its parts (zlib's crc32_combine, the GF(2) matrix
 * method; zlib.crc32 in Node has no combine).
 *
 * Why combine instead of one CRC over the stream in order: N connections receive the file out of
 * order, and a resumed download must not re-read gigabytes already on disk (decrypted, so the
 * encrypted CRC could not be recomputed from it anyway without encrypting again). Each range keeps
 * its own CRC in the sidecar; ranges are merged as they meet and combined once at the end.
 * Combining costs O(32² · log n) per merge, nothing compared with the bytes.
 */

const polynomial = 0xedb88320; // reflected CRC-32 polynomial

function times(matrix: Uint32Array, vector: number): number {
	let sum = 0;
	for (let i = 0; vector !== 0; i++, vector >>>= 1) {
		if (vector & 1) {
			sum ^= matrix[i]!;
		}
	}

	return sum >>> 0;
}

function square(target: Uint32Array, matrix: Uint32Array): void {
	for (let n = 0; n < 32; n++) {
		target[n] = times(matrix, matrix[n]!);
	}
}

/** CRC32(A ‖ B) from crcA = CRC32(A), crcB = CRC32(B) and lengthB = |B| (any safe integer). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
	if (lengthB <= 0) {
		return crcA >>> 0;
	}

	// `odd` is the operator that appends one zero bit; squaring it doubles the number of zero bits.
	const odd = new Uint32Array(32);
	const even = new Uint32Array(32);
	odd[0] = polynomial;
	for (let n = 1, row = 1; n < 32; n++, row <<= 1) {
		odd[n] = row;
	}

	square(even, odd); // two zero bits
	square(odd, even); // four zero bits

	let crc = crcA >>> 0;
	let remaining = lengthB; // bytes; the first square below makes it eight zero bits = one byte
	for (;;) {
		square(even, odd);
		if (remaining % 2 === 1) {
			crc = times(even, crc);
		}

		remaining = Math.floor(remaining / 2);
		if (remaining === 0) {
			break;
		}

		square(odd, even);
		if (remaining % 2 === 1) {
			crc = times(odd, crc);
		}

		remaining = Math.floor(remaining / 2);
		if (remaining === 0) {
			break;
		}
	}

	return (crc ^ crcB) >>> 0;
}
