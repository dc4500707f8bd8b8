/**
 * One HTTP call for the control plane (nonce, inform, init, history, version.xml): bounded body,
 * timeouts, no redirects, and transport trouble turned into typed errors. Downloads stream and
 * live in transfer/.
 */
import {request, type Dispatcher} from 'undici';
import {FusError, NetworkError, ProtocolError, type ErrorStage} from './errors.js';
import {quote} from './quote.js';

export type HttpOptions = {
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
	dispatcher?: Dispatcher;
	timeoutMs?: number;
	signal?: AbortSignal;
	stage: ErrorStage;
	/** Larger bodies are cut off and refused (default `defaultMaxReplyBytes`). */
	maxBytes?: number;
};

/** Real control-plane replies are a few KiB (SmartHistory a few hundred); anything near this is not FUS. */
export const defaultMaxReplyBytes = 4 * 1024 * 1024;

export type HttpReply = {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
};

export function headerValue(headers: HttpReply['headers'], name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) {
		return undefined;
	}

	if (/^\d+$/.test(value.trim())) {
		return Number(value.trim());
	}

	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export async function httpCall(url: string, options: HttpOptions): Promise<HttpReply> {
	const {stage, timeoutMs = 30_000, maxBytes = defaultMaxReplyBytes} = options;
	let response: Dispatcher.ResponseData<unknown>;
	try {
		response = await request(url, {
			method: options.method ?? 'GET',
			headers: options.headers,
			body: options.body,
			dispatcher: options.dispatcher,
			signal: options.signal,
			headersTimeout: timeoutMs,
			bodyTimeout: timeoutMs,
		});
	} catch (error) {
		throw networkError(error, url, stage);
	}

	// undici's request() does not follow redirects unless told to; refusing them with a clear
	// error keeps it that way: a redirect to another host would carry the session.
	refuseRedirect(response, url, stage);
	const tooLarge = () => new ProtocolError('BAD_REPLY', `The server's reply to ${new URL(url).pathname} is larger than ${maxBytes} bytes, far more than any real one; refusing it`, {stage, url, httpStatus: response.statusCode});
	const announced = Number(headerValue(response.headers, 'content-length'));
	if (Number.isFinite(announced) && announced > maxBytes) {
		discard(response.body);
		throw tooLarge();
	}

	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of response.body) {
			size += (chunk as Buffer).length;
			if (size > maxBytes) {
				response.body.destroy();
				throw tooLarge();
			}

			chunks.push(chunk as Buffer);
		}
	} catch (error) {
		if (error instanceof ProtocolError) {
			throw error;
		}

		throw networkError(error, url, stage);
	}

	const reply = {statusCode: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8')};
	throwOnTransportStatus(reply, url, stage);
	return reply;
}

/** A 3xx is an error: FUS and FOTA hosts answer in place, and fusdeck goes nowhere it was not pointed at. */
export function refuseRedirect(response: {statusCode: number; headers: HttpReply['headers']; body: Discardable}, url: string, stage: ErrorStage): void {
	if (response.statusCode < 300 || response.statusCode >= 400) {
		return;
	}

	discard(response.body);
	const location = headerValue(response.headers, 'location');
	const target = location ? locationHost(location, url) : undefined;
	throw new FusError('HTTP_STATUS', `${safeHost(url)} answered HTTP ${response.statusCode}, a redirect${target ? ` to ${target}` : ''}; fusdeck does not follow redirects from Samsung's servers (a captive portal or proxy may be answering instead)`, {stage, httpStatus: response.statusCode, url});
}

/** 429 and 5xx come as HTTP statuses (FUS refusals come as HTTP 200 with a body status). */
export function throwOnTransportStatus(reply: Pick<HttpReply, 'statusCode' | 'headers'>, url: string, stage: ErrorStage): void {
	const {statusCode} = reply;
	if (statusCode === 429) {
		const retryAfter = retryAfterSeconds(headerValue(reply.headers, 'retry-after'));
		throw new FusError('RATE_LIMITED', `The server is rate-limiting us (HTTP 429)${retryAfter === undefined ? '' : `; it asks to wait ${retryAfter} s`}`, {stage, httpStatus: 429, retryAfter, url});
	}

	if (statusCode >= 500) {
		throw new FusError('SERVER_ERROR', `The server failed (HTTP ${statusCode}); this is usually temporary`, {stage, httpStatus: statusCode, url});
	}
}

function networkError(error: unknown, url: string, stage: ErrorStage): NetworkError {
	const code = (error as {code?: string})?.code ?? '';
	const host = safeHost(url);
	if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
		return new NetworkError('TIMEOUT', `No answer from ${host} in time (${code})`, {stage, url}, {cause: error});
	}

	if ((error as Error)?.name === 'AbortError' || code === 'UND_ERR_ABORTED') {
		return new NetworkError('CANCELLED', 'Cancelled', {stage, url}, {cause: error});
	}

	return new NetworkError('NETWORK', `Could not reach ${host}: ${code || (error as Error)?.message || String(error)}`, {stage, url}, {cause: error});
}

type Discardable = {destroy(): unknown; on(event: 'error', listener: () => void): unknown};

/** Drops a body we will not read; undici reports the abort as an 'error', which nobody else hears. */
function discard(body: Discardable): void {
	body.on('error', () => undefined);
	body.destroy();
}

function locationHost(location: string, base: string): string {
	try {
		return new URL(location, base).host;
	} catch {
		return quote(location, 80);
	}
}

function safeHost(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}
