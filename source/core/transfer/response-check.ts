/**
 * Decides what a reply to `Range: bytes=start-end` means, in the spirit of undici's retry handler:
 * only a 206 whose Content-Range starts where we asked and whose length agrees is data. A 200 is
 * accepted only when we asked for the whole file. Everything else is sorted into: renew the
 * authorisation, wait and retry, or stop for good.
 */
import {FusError, TransferError, type FusdeckError} from '../errors.js';
import type {RangeResponse} from './types.js';

export type ResponseVerdict =
	| {kind: 'data'; start: number; end: number}
	| {kind: 'renew'}
	| {kind: 'retry'; error: FusdeckError; retryAfter?: string | string[] | undefined}
	| {kind: 'fatal'; error: FusdeckError};

const header = (response: RangeResponse, name: string) => {
	const value = response.headers[name];
	return Array.isArray(value) ? value[0] : value;
};

export function checkRangeResponse(response: RangeResponse, start: number, end: number, size: number): ResponseVerdict {
	const status = response.statusCode;
	const context = {stage: 'download' as const, httpStatus: status};
	if (status === 401) {
		return {kind: 'renew'};
	}

	if (status === 429) {
		return {kind: 'retry', error: new FusError('RATE_LIMITED', 'The download server is rate limiting us (HTTP 429); wait and try again later', context), retryAfter: response.headers['retry-after']};
	}

	if (status >= 500) {
		return {kind: 'retry', error: new FusError('SERVER_ERROR', `The download server failed (HTTP ${status}); try again later`, context), retryAfter: response.headers['retry-after']};
	}

	if (status === 416) {
		const total = /^bytes \*\/(\d+)$/.exec(header(response, 'content-range') ?? '')?.[1];
		if (total !== undefined && Number(total) !== size) {
			return {kind: 'fatal', error: new TransferError('SIZE_MISMATCH', `The server's file has ${total} bytes, not the ${size} it announced; start the download again`, context)};
		}

		return {kind: 'fatal', error: new FusError('HTTP_STATUS', `The server refused the byte range ${start}-${end} (HTTP 416); start the download again`, context)};
	}

	if (status === 200) {
		const length = Number(header(response, 'content-length') ?? Number.NaN);
		if (start === 0 && end === size - 1 && (Number.isNaN(length) || length === size)) {
			return {kind: 'data', start, end};
		}

		return {kind: 'retry', error: new FusError('BAD_REPLY', 'The server ignored the Range header (HTTP 200 to a ranged request)', context)};
	}

	if (status !== 206) {
		return {kind: 'fatal', error: new FusError('HTTP_STATUS', `The download server answered HTTP ${status}; the link is wrong or gone, start the download again`, context)};
	}

	const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header(response, 'content-range') ?? '');
	if (!match) {
		return {kind: 'retry', error: new FusError('BAD_REPLY', 'The server sent a 206 without a valid Content-Range', context)};
	}

	const [gotStart, gotEnd, total] = [Number(match[1]), Number(match[2]), match[3]];
	if (total !== '*' && Number(total) !== size) {
		return {kind: 'fatal', error: new TransferError('SIZE_MISMATCH', `The server's file has ${total} bytes, not the ${size} it announced; start the download again`, context)};
	}

	if (gotStart !== start || gotEnd < gotStart || gotEnd > end) {
		return {kind: 'retry', error: new FusError('BAD_REPLY', `The server sent bytes ${gotStart}-${gotEnd} when asked for ${start}-${end}`, context)};
	}

	const length = header(response, 'content-length');
	if (length !== undefined && Number(length) !== gotEnd - gotStart + 1) {
		return {kind: 'retry', error: new FusError('BAD_REPLY', `Content-Length ${length} does not match Content-Range ${gotStart}-${gotEnd}`, context)};
	}

	return {kind: 'data', start: gotStart, end: gotEnd};
}
