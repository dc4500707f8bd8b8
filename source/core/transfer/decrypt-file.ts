/**
 * Offline decryption of a `.enc2`/`.enc4` file: streamed (1 MiB reads and writes), padding
 * checked, the zip verified, and only then renamed to the output name. A failure removes the
 * temporary output: the input is the evidence and stays untouched.
 */
import {open, rm, stat} from 'node:fs/promises';
import {TransferError, UsageError, VerifyError} from '../errors.js';
import {quote} from '../quote.js';
import {createBlockDecipher} from '../fus/crypto.js';
import {decryptInPieces} from './decrypt-pieces.js';
import {removePadding, verifyAndRename} from './finish-file.js';
import {noProgress, type ProgressSink} from './transfer-statistics.js';
import type {MemberCheck} from './verify-zip.js';
import {systemClock, type Clock} from '../clock.js';
import {TransferStatistics} from './transfer-statistics.js';

export type DecryptOptions = {
	input: string;
	output: string;
	key: Buffer;
	signal?: AbortSignal;
	onProgress?: ProgressSink;
	clock?: Clock;
};

export type DecryptResult = {path: string; bytes: number; members: MemberCheck[]};

const readBytes = 8 << 20;

/**
 * The decryption alone: encrypted file in, decrypted file out (padding still on). AES-ECB needs no
 * state across blocks, so the cost is disk I/O: the read of the next 8 MiB overlaps the write of
 * the last, and the decryption runs in small pieces (see decrypt-pieces.ts).
 */
export async function decryptStream(input: string, output: string, key: Buffer, options: {signal?: AbortSignal; onBytes?(bytes: number): void} = {}): Promise<void> {
	const source = await open(input, 'r');
	try {
		const target = await open(output, 'w', 0o644);
		try {
			const decipher = createBlockDecipher(key);
			const buffer = Buffer.allocUnsafe(readBytes);
			let position = 0;
			let writing: Promise<unknown> = Promise.resolve();
			for (;;) {
				options.signal?.throwIfAborted();
				const {bytesRead} = await source.read(buffer, 0, buffer.length, null);
				if (bytesRead === 0) {
					break;
				}

				// update() returns fresh buffers, so `buffer` can take the next read at once.
				const plain = decryptInPieces(decipher, buffer.subarray(0, bytesRead));
				await writing;
				writing = target.writev(plain, position);
				position += bytesRead;
				options.onBytes?.(bytesRead);
			}

			await writing;
			decipher.final();
		} finally {
			await target.close();
		}
	} finally {
		await source.close();
	}
}

export async function decryptFile(options: DecryptOptions): Promise<DecryptResult> {
	const {input, output, key} = options;
	const onProgress = options.onProgress ?? noProgress;
	const info = await stat(input).catch((error: unknown) => {
		throw new UsageError(`Cannot read ${quote(input, 200)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`, {path: input});
	});
	if (info.isDirectory()) {
		throw new UsageError(`${quote(input, 200)} is a folder, not an encrypted firmware file; give the .enc2/.enc4 file inside it`, {path: input});
	}

	const {size} = info;

	if (size === 0 || size % 16 !== 0) {
		throw new VerifyError('SIZE_MISMATCH', `${input} has ${size} bytes, not a whole number of AES blocks: it is incomplete or not an encrypted firmware file`, {stage: 'decrypt', path: input});
	}

	const stats = new TransferStatistics(options.clock ?? systemClock, size);
	const temporary = `${output}.part`;
	try {
		await decryptStream(input, temporary, key, {signal: options.signal, onBytes(bytes) {
			stats.add(bytes);
			onProgress(stats.snapshot());
		}});
		const handle = await open(temporary, 'r+');
		let bytes: number;
		try {
			bytes = await removePadding(handle, size, input);
			await handle.datasync();
		} finally {
			await handle.close();
		}

		stats.phase = 'verifying';
		onProgress(stats.snapshot());
		const members = await verifyAndRename(temporary, output, {signal: options.signal});
		stats.phase = 'done';
		onProgress(stats.snapshot());
		return {path: output, bytes, members};
	} catch (error) {
		await rm(temporary, {force: true});
		if (options.signal?.aborted) {
			throw new TransferError('CANCELLED', 'Decryption cancelled', {stage: 'decrypt'});
		}

		throw error;
	}
}
