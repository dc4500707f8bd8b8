/**
 * Serves a file with HTTP Range (a-b, a-, -n → 206; past the end → 416), streamed from disk so that
 * gigabytes cost no memory, optionally paced (bandwidth cap) or cut off (connection reset fault).
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {streamFileRange, type StreamOptions} from './send-file.js';

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

export type SendFileOptions = StreamOptions & {
	/** Send this many body bytes, then drop the connection. */
	resetAfterBytes?: number;
};

export async function sendFileRange(request: IncomingMessage, response: ServerResponse, file: {path: string; size: number}, options: SendFileOptions = {}): Promise<void> {
	const range = parseRange(request.headers.range, file.size);
	if (range === 'invalid') {
		response.writeHead(416, {'content-range': `bytes */${file.size}`}).end();
		return;
	}

	const {start, end} = range ?? {start: 0, end: file.size - 1};
	const headers = {'content-length': String(end - start + 1), 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes'};
	response.writeHead(range ? 206 : 200, range ? {...headers, 'content-range': `bytes ${start}-${end}/${file.size}`} : headers);
	const cut = options.resetAfterBytes !== undefined && options.resetAfterBytes < end - start + 1;
	if (cut && options.resetAfterBytes === 0) {
		response.flushHeaders();
		response.destroy();
		return;
	}

	let sent: boolean;
	try {
		sent = await streamFileRange(file.path, start, cut ? start + options.resetAfterBytes! - 1 : end, response, options);
	} catch {
		// A read failed after the headers: nothing more can be said to the client.
		response.destroy();
		return;
	}

	if (!sent) {
		return;
	}

	if (cut) {
		// Once what was sent has left, break the promise of Content-Length: the client sees a reset mid-body.
		response.write('', () => response.destroy());
	} else {
		response.end();
	}
}
