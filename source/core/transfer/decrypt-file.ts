/**
 * Offline decryption of a `.enc2`/`.enc4` file: streamed (1 MiB reads and writes), padding
 * checked, the zip verified, and only then renamed to the output name. A failure removes the
 * temporary output: the input is the evidence and stays untouched.
 */
import {createReadStream, createWriteStream} from 'node:fs';
import {open, rm, stat} from 'node:fs/promises';
import {Transform} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {TransferError, UsageError, VerifyError} from '../errors.js';
import {createBlockDecipher} from '../fus/crypto.js';
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

const chunkBytes = 1 << 20;

export async function decryptFile(options: DecryptOptions): Promise<DecryptResult> {
	const {input, output, key} = options;
	const onProgress = options.onProgress ?? noProgress;
	let size: number;
	try {
		size = (await stat(input)).size;
	} catch (error) {
		throw new UsageError(`Cannot read ${input} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`, {path: input});
	}

	if (size === 0 || size % 16 !== 0) {
		throw new VerifyError('SIZE_MISMATCH', `${input} has ${size} bytes, not a whole number of AES blocks: it is incomplete or not an encrypted firmware file`, {stage: 'decrypt', path: input});
	}

	const stats = new TransferStatistics(options.clock ?? systemClock, size);
	const temporary = `${output}.part`;
	try {
		const decipher = createBlockDecipher(key);
		const counter = new Transform({
			highWaterMark: chunkBytes,
			transform(chunk: Buffer, _encoding, callback) {
				stats.add(chunk.length);
				onProgress(stats.snapshot());
				callback(null, chunk);
			},
		});
		await pipeline(
			createReadStream(input, {highWaterMark: chunkBytes}),
			counter,
			decipher,
			createWriteStream(temporary, {highWaterMark: chunkBytes, mode: 0o644}),
			{signal: options.signal},
		);
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
		if ((error as Error).name === 'AbortError') {
			throw new TransferError('CANCELLED', 'Decryption cancelled', {stage: 'decrypt'});
		}

		throw error;
	}
}
