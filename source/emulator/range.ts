/** Serves a buffer with HTTP Range (a-b, a-, -n → 206; past the end → 416), optionally cutting the connection. */
import type {IncomingMessage, ServerResponse} from 'node:http';

export function parseRange(header: string | undefined, size: number): {start: number; end: number} | 'invalid' | undefined {
	if (!header) {
		return undefined;
	}

	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) {
		return 'invalid';
	}

	if (match[1] === '') {
		const suffix = Number(match[2]);
		return suffix === 0 ? 'invalid' : {start: Math.max(0, size - suffix), end: size - 1};
	}

	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	return start >= size || end < start ? 'invalid' : {start, end};
}

export function sendRange(request: IncomingMessage, response: ServerResponse, data: Buffer, resetAfterBytes?: number): void {
	const range = parseRange(request.headers.range, data.length);
	if (range === 'invalid') {
		response.writeHead(416, {'content-range': `bytes */${data.length}`}).end();
		return;
	}

	const {start, end} = range ?? {start: 0, end: data.length - 1};
	const headers = {'content-length': String(end - start + 1), 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes'};
	response.writeHead(range ? 206 : 200, range ? {...headers, 'content-range': `bytes ${start}-${end}/${data.length}`} : headers);
	const body = data.subarray(start, end + 1);
	if (resetAfterBytes !== undefined && resetAfterBytes < body.length) {
		response.write(body.subarray(0, resetAfterBytes), () => response.destroy());
		return;
	}

	response.end(body);
}
