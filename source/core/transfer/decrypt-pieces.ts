import type {Decipher} from 'node:crypto';

/**
 * Decrypts in 64 KiB pieces. Every update() returns a fresh buffer; a large one is fresh memory the
 * kernel must fault in and zero (and, with the page cache full of firmware, reclaim first), while
 * small ones are recycled by the allocator. Measured on 2 GiB: 8 MiB pieces ~330 MB/s, 64 KiB
 * pieces ~1.1 GB/s (openssl ~600 MB/s on the same disk).
 */
export const decryptPieceBytes = 64 * 1024;

export function decryptInPieces(decipher: Decipher, encrypted: Buffer): Buffer[] {
	const pieces: Buffer[] = [];
	for (let start = 0; start < encrypted.length; start += decryptPieceBytes) {
		pieces.push(decipher.update(encrypted.subarray(start, Math.min(encrypted.length, start + decryptPieceBytes))));
	}

	return pieces;
}
