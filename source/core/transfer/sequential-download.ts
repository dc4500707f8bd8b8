/**
 * A first, single-connection transfer: ranged requests in order, each chunk decrypted as it arrives
 * and written to `<name>.part`, CRC32 of the encrypted stream checked against BINARY_CRC, PKCS#7
 * padding removed, then an atomic rename. 401 renews the authorisation and goes on from the same
 * offset; 429 waits Retry-After; 5xx and resets retry with backoff. The segmented, resumable engine
 * of the download-engine issue replaces the loop; the checks stay.
 */
import {open, rename, rm, truncate} from 'node:fs/promises';
import {join} from 'node:path';
import {crc32} from 'node:zlib';
import {FusError, isFusdeckError, TransferError, VerifyError} from '../errors.js';
import {retryAfterSeconds} from '../http.js';
import {createBlockDecipher, pkcs7PaddingLength} from '../fus/crypto.js';
import {finalFileName} from './safe-name.js';
import type {DownloadSource, RemoteFile} from './types.js';

export type DownloadProgress = {bytesDone: number; bytesTotal: number};

export type SequentialDownloadOptions = {
	source: DownloadSource;
	remote: RemoteFile;
	destDir: string;
	chunkSize?: number;
	attempts?: number;
	signal?: AbortSignal;
	onProgress?: (progress: DownloadProgress) => void;
	sleep?: (ms: number) => Promise<void>;
};

export type DownloadResult = {path: string; size: number; crc32: number};

const sleepMs = async (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

export async function downloadSequential(options: SequentialDownloadOptions): Promise<DownloadResult> {
	const {source, remote, destDir, chunkSize = 8 * 1024 * 1024, attempts = 6, sleep = sleepMs} = options;
	if (remote.size === 0 || remote.size % 16 !== 0) {
		throw new VerifyError('SIZE_MISMATCH', `The server announced ${remote.size} bytes, which is not a whole number of AES blocks; the inform reply is wrong`, {stage: 'download'});
	}

	const finalPath = join(destDir, finalFileName(remote.binaryName));
	const partPath = `${finalPath}.part`;
	const handle = await open(partPath, 'w+', 0o644);
	let crc = 0;
	let offset = 0;
	try {
		while (offset < remote.size) {
			const end = Math.min(offset + chunkSize, remote.size) - 1;
			const data = await fetchChunk(source, offset, end, attempts, sleep, options.signal);
			crc = crc32(data, crc);
			const plain = createBlockDecipher(remote.key).update(data);
			await handle.write(plain, 0, plain.length, offset);
			offset += data.length;
			options.onProgress?.({bytesDone: offset, bytesTotal: remote.size});
		}

		await handle.sync();
	} catch (error) {
		await handle.close();
		await rm(partPath, {force: true});
		if (isFusdeckError(error)) {
			throw error;
		}

		const code = (error as {code?: string}).code;
		throw new TransferError(code === 'ENOSPC' ? 'DISK_FULL' : 'NETWORK', code === 'ENOSPC' ? `The disk is full while writing ${partPath}` : `Download failed: ${(error as Error).message}`, {stage: code === 'ENOSPC' ? 'disk' : 'download'}, {cause: error});
	}

	const lastBlock = Buffer.alloc(16);
	await handle.read(lastBlock, 0, 16, remote.size - 16);
	await handle.close();
	crc >>>= 0;
	if (remote.crc32 !== undefined && crc !== remote.crc32) {
		await rm(partPath, {force: true});
		throw new VerifyError('CRC_MISMATCH', `The downloaded bytes have CRC32 ${crc}, the server announced ${remote.crc32}: the transfer was corrupted; download again`, {stage: 'verify'});
	}

	const pad = pkcs7PaddingLength(lastBlock);
	if (pad === undefined) {
		await rm(partPath, {force: true});
		throw new VerifyError('BAD_PADDING', 'The decrypted file ends with invalid padding: the key is wrong for this file; download again', {stage: 'decrypt'});
	}

	await truncate(partPath, remote.size - pad);
	await rename(partPath, finalPath);
	return {path: finalPath, size: remote.size - pad, crc32: crc};
}

async function fetchChunk(source: DownloadSource, start: number, end: number, attempts: number, sleep: (ms: number) => Promise<void>, signal?: AbortSignal): Promise<Buffer> {
	let renewed = false;
	for (let attempt = 1; ; attempt++) {
		let retryMs = 500 * 2 ** (attempt - 1) * (1 + Math.random() / 2);
		try {
			const response = await source.requestRange(start, end, signal);
			const chunks: Buffer[] = [];
			if (response.statusCode === 206) {
				for await (const chunk of response.body) {
					chunks.push(chunk as Buffer);
				}

				const data = Buffer.concat(chunks);
				if (data.length === end - start + 1) {
					return data;
				}

				throw new TransferError('SIZE_MISMATCH', `The server sent ${data.length} bytes for a range of ${end - start + 1}`, {stage: 'download'});
			}

			response.body.resume();
			if (response.statusCode === 401 && !renewed) {
				renewed = true;
				await source.renew();
				attempt--;
				continue;
			}

			if (response.statusCode === 429) {
				retryMs = (retryAfterSeconds(String(response.headers['retry-after'] ?? '')) ?? retryMs / 1000) * 1000;
			} else if (response.statusCode < 500) {
				throw new FusError(response.statusCode === 401 ? 'LINK_EXPIRED' : 'HTTP_STATUS', `The download server answered HTTP ${response.statusCode}${response.statusCode === 401 ? ' even after a renewed authorisation' : ''}`, {stage: 'download', httpStatus: response.statusCode});
			}

			if (attempt >= attempts) {
				throw new FusError(response.statusCode === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR', `The download server kept answering HTTP ${response.statusCode}; try again later`, {stage: 'download', httpStatus: response.statusCode});
			}
		} catch (error) {
			const transient = isFusdeckError(error) ? ['NETWORK', 'TIMEOUT', 'SIZE_MISMATCH'].includes(error.code) : true;
			if (!transient || attempt >= attempts || signal?.aborted) {
				throw error;
			}
		}

		await sleep(Math.min(retryMs, 60_000));
	}
}
