/**
 * Checks a firmware file someone already has (from fusdeck or another tool) the way Odin and unzip
 * would, member by member, and goes on past a bad member so that the report names every one:
 * - a zip: each member's CRC32 against the zip directory, and each `.tar.md5` member's MD5 against
 *   the line at its end;
 * - a lone `.tar.md5` (an Odin package): its MD5 line.
 * verifyFirmwareZip, by contrast, stops a download at the first bad member.
 */
import {createReadStream} from 'node:fs';
import {basename} from 'node:path';
import type {Readable} from 'node:stream';
import {crc32} from 'node:zlib';
import {checkTarMd5} from './tar-md5.js';
import {openZipEntry, readZipDirectory, type ZipEntry} from './zip-reader.js';

export type MemberReport = {
	name: string;
	/** Uncompressed bytes read. */
	bytes: number;
	/** The MD5 line's value and what the bytes hash to; undefined for members that are not .tar.md5. */
	md5: {expected: string | undefined; actual: string} | undefined;
	/** What is wrong, in words; undefined when the member checks out. */
	problem: string | undefined;
};

export type CheckOptions = {signal?: AbortSignal | undefined; onBytes?: (bytes: number) => void};

export const isTarMd5Name = (name: string) => name.toLowerCase().endsWith('.tar.md5');

/** The members of a zip (NOT_A_ZIP when it is none), each checked when the caller asks for the next. */
export async function * checkZipMembers(path: string, options: CheckOptions = {}): AsyncGenerator<MemberReport & {entry: ZipEntry}> {
	for (const entry of await readZipDirectory(path)) {
		const report = await checkStream(entry.name, async () => openZipEntry(path, entry), isTarMd5Name(entry.name), options);
		const problems = report.problem === undefined ? [
			report.md5Problem,
			report.bytes === entry.uncompressedSize ? undefined : `${report.bytes} bytes where the zip directory says ${entry.uncompressedSize}`,
			report.crc === entry.crc32 ? undefined : `CRC32 ${hex(report.crc)} does not match the zip directory's ${hex(entry.crc32)}`,
		].filter(problem => problem !== undefined) : [report.problem];
		yield {name: entry.name, bytes: report.bytes, md5: report.md5, problem: problems.length > 0 ? problems.join('; ') : undefined, entry};
	}
}

/** A lone Odin package: its MD5 line against its bytes. */
export async function checkTarMd5File(path: string, options: CheckOptions = {}): Promise<MemberReport> {
	const report = await checkStream(basename(path), async () => createReadStream(path, {highWaterMark: 1 << 20}), true, options);
	return {name: report.name, bytes: report.bytes, md5: report.md5, problem: report.problem ?? report.md5Problem};
}

type StreamReport = MemberReport & {crc: number; md5Problem: string | undefined};

async function checkStream(name: string, open: () => Promise<Readable>, tarMd5: boolean, options: CheckOptions): Promise<StreamReport> {
	let crc = 0;
	let bytes = 0;
	async function * measured(stream: Readable): AsyncGenerator<Buffer> {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			options.signal?.throwIfAborted();
			crc = crc32(chunk, crc);
			bytes += chunk.length;
			options.onBytes?.(chunk.length);
			yield chunk;
		}
	}

	let md5: MemberReport['md5'];
	try {
		const stream = await open();
		if (tarMd5) {
			const result = await checkTarMd5(measured(stream));
			md5 = {expected: result.expected, actual: result.actual};
		} else {
			for await (const _chunk of measured(stream)) {
				// CRC32 only.
			}
		}
	} catch (error) {
		if (options.signal?.aborted) {
			throw options.signal.reason ?? error;
		}

		return {name, bytes, md5: undefined, problem: `could not be read (${(error as Error).message})`, crc, md5Problem: undefined};
	}

	const md5Problem = md5 === undefined ? undefined : md5.expected === undefined ? 'has no MD5 line at its end' : md5.expected === md5.actual ? undefined : `MD5 ${md5.actual} does not match its MD5 line's ${md5.expected}`;
	return {name, bytes, md5, problem: undefined, crc, md5Problem};
}

const hex = (value: number) => value.toString(16).padStart(8, '0');
