/**
 * The last steps shared by downloads and offline decryption: drop the PKCS#7 padding, prove the
 * result is a firmware zip whose .tar.md5 members match, and only then give it its final name.
 */
import type {FileHandle} from 'node:fs/promises';
import {rename} from 'node:fs/promises';
import {VerifyError} from '../errors.js';
import {pkcs7PaddingLength} from '../fus/crypto.js';
import {verifyFirmwareZip, type MemberCheck} from './verify-zip.js';

/** Truncates the padding off an open decrypted file; returns the plain size. */
export async function removePadding(handle: FileHandle, size: number, path: string): Promise<number> {
	const last = Buffer.alloc(16);
	const {bytesRead} = size >= 16 ? await handle.read(last, 0, 16, size - 16) : {bytesRead: 0};
	const pad = bytesRead === 16 ? pkcs7PaddingLength(last) : undefined;
	if (pad === undefined) {
		throw new VerifyError('BAD_PADDING', `The decrypted file ends with invalid padding: the key is wrong (check the model, CSC and version, or the ENC4 key)`, {stage: 'decrypt', path});
	}

	await handle.truncate(size - pad);
	return size - pad;
}

export async function verifyAndRename(partPath: string, finalPath: string, options: {signal?: AbortSignal | undefined; onBytes?: (bytes: number) => void}): Promise<MemberCheck[]> {
	const members = await verifyFirmwareZip(partPath, options);
	await rename(partPath, finalPath);
	return members;
}
