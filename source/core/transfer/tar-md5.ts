/**
 * `.tar.md5` is a tar followed by one line `<32 hex>  <name>\n` whose MD5 covers the tar bytes
 * before it (what Odin checks). The line's position is known only at the end, so the last bytes
 * are held back while everything before them is hashed as it streams.
 */
import {createHash} from 'node:crypto';

const holdBack = 1024; // longer than any trailer line: 32 + 2 + a file name + newline

export type TarMd5Result = {expected: string | undefined; actual: string; trailerName: string | undefined};

export async function checkTarMd5(chunks: AsyncIterable<Buffer>): Promise<TarMd5Result> {
	const hash = createHash('md5');
	let held = Buffer.alloc(0);
	for await (const chunk of chunks) {
		if (chunk.length >= holdBack) {
			hash.update(held);
			hash.update(chunk.subarray(0, chunk.length - holdBack));
			held = Buffer.from(chunk.subarray(chunk.length - holdBack));
		} else {
			const joined = Buffer.concat([held, chunk]);
			const release = Math.max(0, joined.length - holdBack);
			hash.update(joined.subarray(0, release));
			held = joined.subarray(release);
		}
	}

	const text = held.toString('latin1');
	const body = text.replace(/\r?\n$/, '');
	const lineStart = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\0')) + 1;
	const match = /^([\da-fA-F]{32}) [ *]?(.+)$/.exec(body.slice(lineStart));
	hash.update(held.subarray(0, match ? lineStart : held.length));
	return {expected: match?.[1]?.toLowerCase(), actual: hash.digest('hex'), trailerName: match?.[2]};
}
