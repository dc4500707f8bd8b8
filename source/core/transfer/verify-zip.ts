import {pipeline} from 'node:stream/promises';
import {VerifyError} from '../errors.js';
import {printable} from '../quote.js';
import {checkTarMd5, type TarMd5Result} from './tar-md5.js';
import {openZipEntry, readZipDirectory} from './zip-reader.js';

export type MemberCheck = {name: string; md5: string};

/**
 * Checks that the decrypted file is a zip and that every `.tar.md5` member matches its MD5 line,
 * streaming each member once. Throws NOT_A_ZIP or MD5_MISMATCH (naming the member).
 */
export async function verifyFirmwareZip(path: string, options: {signal?: AbortSignal | undefined; onBytes?: (bytes: number) => void} = {}): Promise<MemberCheck[]> {
	const entries = await readZipDirectory(path);
	const checked: MemberCheck[] = [];
	for (const entry of entries) {
		if (!entry.name.toLowerCase().endsWith('.tar.md5')) {
			continue;
		}

		const stream = await openZipEntry(path, entry);
		let result: TarMd5Result | undefined;
		try {
			await pipeline(stream, async (source: AsyncIterable<Buffer>) => {
				result = await checkTarMd5(counting(source, options.onBytes));
			}, {signal: options.signal});
		} catch (error) {
			if ((error as Error).name === 'AbortError') {
				throw error;
			}

			throw new VerifyError('NOT_A_ZIP', `Could not read member ${printable(entry.name)} of ${path} (${(error as Error).message}): the file is damaged; download it again`, {stage: 'verify', path});
		}

		checked.push(memberVerdict(entry.name, result, path));
	}

	return checked;
}

/** A member's check as the user reads it: its MD5, or MD5_MISMATCH naming it. */
export function memberVerdict(name: string, result: TarMd5Result | undefined, path: string): MemberCheck {
	if (!result?.expected) {
		throw new VerifyError('MD5_MISMATCH', `Member ${printable(name)} has no MD5 line at its end: the file is damaged; download it again`, {stage: 'verify', path});
	}

	if (result.expected !== result.actual) {
		throw new VerifyError('MD5_MISMATCH', `Member ${printable(name)} fails its MD5 check (expected ${result.expected}, got ${result.actual}): the download is corrupt; download it again`, {stage: 'verify', path});
	}

	return {name, md5: result.actual};
}

async function * counting(source: AsyncIterable<Buffer>, onBytes: ((bytes: number) => void) | undefined): AsyncIterable<Buffer> {
	for await (const chunk of source) {
		onBytes?.(chunk.length);
		yield chunk;
	}
}
