/**
 * A test-only reader of Odin `.tar.md5` files: walks the ustar headers checking each checksum, finds
 * where the tar ends (two zero blocks), and compares the trailer's MD5 with the tar's.
 */
import {createHash} from 'node:crypto';

export type TarMd5 = {
	members: Array<{name: string; size: number; checksumOk: boolean; magic: string}>;
	/** The trailer line as written, e.g. `<md5>  AP_….tar\n`. */
	trailer: string;
	statedMd5: string | undefined;
	actualMd5: string;
	trailerName: string | undefined;
};

const octalField = (block: Buffer, start: number, length: number) => Number.parseInt(block.toString('latin1', start, start + length).replace(/[\0 ]+$/, '').trim(), 8);

export function readTarMd5(bytes: Buffer): TarMd5 {
	const members: TarMd5['members'] = [];
	let at = 0;
	for (;;) {
		const block = bytes.subarray(at, at + 512);
		if (block.length < 512) {
			throw new Error('the tar ends without its two zero blocks');
		}

		if (block.every(byte => byte === 0)) {
			at += 1024;
			break;
		}

		let sum = 0;
		for (let index = 0; index < 512; index++) {
			sum += index >= 148 && index < 156 ? 0x20 : block[index]!;
		}

		const size = octalField(block, 124, 12);
		members.push({
			name: block.toString('utf8', 0, 100).replace(/\0.*$/s, ''),
			size,
			checksumOk: sum === octalField(block, 148, 8),
			magic: block.toString('latin1', 257, 265),
		});
		at += 512 + Math.ceil(size / 512) * 512;
	}

	const trailer = bytes.subarray(at).toString('latin1');
	const match = /^([0-9a-f]{32}) {2}(\S+)\n$/.exec(trailer);
	return {members, trailer, statedMd5: match?.[1], trailerName: match?.[2], actualMd5: createHash('md5').update(bytes.subarray(0, at)).digest('hex')};
}
