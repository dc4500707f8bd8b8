import {createHash} from 'node:crypto';
import {createBlockDecipher, pkcs7PaddingLength} from '../../source/core/fus/crypto.js';
import type {DownloadSource, RemoteFile} from '../../source/core/transfer/types.js';

/** Fetches a whole remote file in ranges through a DownloadSource, decrypts it, and returns its SHA-256. */
export async function downloadAndHash(source: DownloadSource, remote: RemoteFile, rangeSize = 64 * 1024): Promise<string> {
	const chunks: Buffer[] = [];
	for (let start = 0; start < remote.size; start += rangeSize) {
		const response = await source.requestRange(start, Math.min(start + rangeSize, remote.size) - 1);
		if (response.statusCode !== 206) {
			throw new Error(`range ${start} answered ${response.statusCode}`);
		}

		for await (const chunk of response.body) {
			chunks.push(chunk as Buffer);
		}
	}

	const plain = createBlockDecipher(remote.key).update(Buffer.concat(chunks));
	const pad = pkcs7PaddingLength(plain.subarray(-16));
	if (pad === undefined) {
		throw new Error('bad padding: wrong key');
	}

	return createHash('sha256').update(plain.subarray(0, plain.length - pad)).digest('hex');
}

/** A Luhn-valid IMEI from a TAC (the check digit computed here, independently of the product code). */
export function imeiFromTac(tac: string, serial = '123456'): string {
	const body = tac + serial;
	let sum = 0;
	for (let i = 0; i < 14; i++) {
		let digit = Number(body[13 - i]);
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) {
				digit -= 9;
			}
		}

		sum += digit;
	}

	return body + String((10 - (sum % 10)) % 10);
}
