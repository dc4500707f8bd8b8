/**
 * The bytes of one Odin `.tar.md5` package: a ustar archive of pseudo-random members (AES-128-CTR
 * keystreams: fast, deterministic, and as incompressible as real lz4 images), then the line Odin
 * checks, `<md5 of the tar>  <name without .md5>\n`.
 *
 * A package can be made with one data byte flipped (the corruptMember fault): the trailer keeps the
 * MD5 of the intact tar, so the package fails Odin's check while the zip around it stays valid.
 */
import {createCipheriv, createHash} from 'node:crypto';
import {crc32} from 'node:zlib';
import type {OdinPackagePlan} from './firmware-layout.js';
import {tarBlock, tarEnd, tarPadding, ustarHeader} from './ustar.js';

const chunkSize = 1024 * 1024;
const zeros = Buffer.alloc(chunkSize);

function * memberContent(seed: Buffer, size: number): Generator<Buffer> {
	const keystream = createCipheriv('aes-128-ctr', seed.subarray(0, 16), seed.subarray(16, 32));
	for (let done = 0; done < size; done += chunkSize) {
		yield keystream.update(zeros.subarray(0, Math.min(chunkSize, size - done)));
	}
}

function * tarChunks(plan: OdinPackagePlan, modified: Date): Generator<Buffer> {
	for (const member of plan.members) {
		yield ustarHeader({name: member.name, size: member.size, modified});
		yield * memberContent(member.seed, member.size);
		yield tarPadding(member.size);
	}

	yield tarEnd();
}

/** Where the corruptMember fault flips a byte: in the middle of the first member's data. */
export function corruptionOffset(plan: OdinPackagePlan): number {
	return tarBlock + Math.floor(plan.members[0]!.size / 2);
}

const holds = (chunk: Buffer, position: number, offset: number | undefined) => offset !== undefined && offset >= position && offset < position + chunk.length;

/** A copy of the chunk with one byte inverted; the original may be hashed as intact elsewhere. */
function flipByte(chunk: Buffer, index: number): Buffer {
	const copy = Buffer.from(chunk);
	copy[index]! ^= 0xff;
	return copy;
}

function * withFlippedByte(chunks: Iterable<Buffer>, offset: number | undefined): Generator<Buffer> {
	let position = 0;
	for (const chunk of chunks) {
		yield holds(chunk, position, offset) ? flipByte(chunk, offset! - position) : chunk;
		position += chunk.length;
	}
}

export function odinTrailer(plan: OdinPackagePlan, md5Hex: string): Buffer {
	return Buffer.from(`${md5Hex}  ${plan.fileName.replace(/\.md5$/, '')}\n`, 'latin1');
}

export type PackageSummary = {
	/** MD5 of the intact tar, as written in the trailer. */
	md5: string;
	/** CRC32 of the package bytes as served (corrupted when asked), for the zip headers. */
	crc32: number;
	/** Bytes of the whole `.tar.md5`. */
	size: number;
	tarSize: number;
};

const yieldToEventLoop = async () => new Promise<void>(resolve => {
	setImmediate(resolve);
});

/**
 * A first pass over the package: what the zip header and the trailer need to say. It pauses now and
 * then, so that a server making gigabytes of firmware keeps answering other requests meanwhile.
 */
export async function summarisePackage(plan: OdinPackagePlan, modified: Date, corrupt: boolean): Promise<PackageSummary> {
	const md5 = createHash('md5');
	let crc = 0;
	const flipAt = corrupt ? corruptionOffset(plan) : undefined;
	let position = 0;
	for (const chunk of tarChunks(plan, modified)) {
		// Empty chunks must not reach zlib.crc32, which may answer 0 for them (see firmware.ts).
		if (chunk.length === 0) {
			continue;
		}

		md5.update(chunk);
		crc = crc32(holds(chunk, position, flipAt) ? flipByte(chunk, flipAt! - position) : chunk, crc);
		position += chunk.length;
		if (chunk.length === chunkSize) {
			await yieldToEventLoop();
		}
	}

	const md5Hex = md5.digest('hex');
	const trailer = odinTrailer(plan, md5Hex);
	return {md5: md5Hex, crc32: crc32(trailer, crc) >>> 0, size: position + trailer.length, tarSize: position};
}

/** The package bytes as served: the tar (corrupted when asked) and the trailer of the intact tar. */
export function * packageBytes(plan: OdinPackagePlan, modified: Date, summary: PackageSummary, corrupt: boolean): Generator<Buffer> {
	yield * withFlippedByte(tarChunks(plan, modified), corrupt ? corruptionOffset(plan) : undefined);
	yield odinTrailer(plan, summary.md5);
}
