/**
 * A FUS session: the JSESSIONID cookie, the current nonce (rotated whenever a reply carries a new
 * NONCE header) and the Authorization header built from it. One session per variant and client.
 */
import type {Dispatcher} from 'undici';
import {FusError, type ErrorStage} from '../errors.js';
import {headerValue, httpCall, type HttpReply} from '../http.js';
import {variantByName, type ProtocolVariant} from './variant.js';
import {buildFusRequest, parseFusReply, type FusFields, type FusReply} from './xml.js';

export type SessionOptions = {
	fusUrl: string;
	dispatcher?: Dispatcher;
	timeoutMs?: number;
	signal?: AbortSignal;
};

export class FusSession {
	readonly variant: ProtocolVariant;
	private readonly options: SessionOptions;
	private readonly cookies = new Map<string, string>();
	/** The NONCE header value as received (encrypted for classic, raw for Smart). */
	private headerNonce = '';
	/** The nonce signatures and LOGIC_CHECK use. */
	private currentNonce = '';

	constructor(variant: ProtocolVariant | 'classic' | 'smart', options: SessionOptions) {
		this.variant = typeof variant === 'string' ? variantByName(variant) : variant;
		this.options = options;
	}

	get nonce(): string {
		return this.currentNonce;
	}

	get hasNonce(): boolean {
		return this.currentNonce !== '';
	}

	/** Asks for a fresh nonce (also the way to start over after an expired authorisation). */
	async refreshNonce(): Promise<void> {
		const reply = await this.call(this.variant.paths.nonce, '', 'nonce');
		if (!this.hasNonce) {
			throw new FusError('BAD_REPLY', 'The server gave no NONCE header; it does not look like a FUS server', {stage: 'nonce', protocol: this.variant.name, httpStatus: reply.statusCode});
		}
	}

	/** The Authorization header with the current nonce; `signature` overrides the variant's (SmartHistory). */
	authorization(signature?: string): string {
		const sig = signature ?? (this.hasNonce ? this.variant.signature(this.currentNonce) : '');
		return `FUS nonce="${this.headerNonce}", signature="${sig}", nc="", type="", realm="", newauth="1"`;
	}

	headers(signature?: string): Record<string, string> {
		const headers: Record<string, string> = {'user-agent': this.variant.userAgent, authorization: this.authorization(signature)};
		if (this.cookies.size > 0) {
			headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		}

		return headers;
	}

	/** Posts a FUS message and parses the reply; the body status is left for the caller to judge. */
	async post(path: string, fields: {put: FusFields; get?: string[]}, stage: ErrorStage, signature?: string): Promise<FusReply> {
		const reply = await this.call(path, buildFusRequest(fields.put, {get: fields.get}), stage, signature);
		return parseFusReply(reply.text, stage);
	}

	/** Takes the cookie and any new nonce from a reply (download replies included). */
	absorb(headers: HttpReply['headers']): void {
		const setCookie = headers['set-cookie'];
		for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
			const match = /^\s*([^=;\s]+)=([^;]*)/.exec(line);
			if (match) {
				this.cookies.set(match[1]!, match[2]!);
			}
		}

		const nonce = headerValue(headers, 'nonce');
		if (nonce && nonce !== this.headerNonce) {
			let decoded: string;
			try {
				decoded = this.variant.nonceFromHeader(nonce);
			} catch (error) {
				throw new FusError('BAD_REPLY', 'The server sent a NONCE header that does not decrypt', {stage: 'nonce', protocol: this.variant.name}, {cause: error});
			}

			this.headerNonce = nonce;
			this.currentNonce = decoded;
		}
	}

	private async call(path: string, body: string, stage: ErrorStage, signature?: string): Promise<HttpReply> {
		const reply = await httpCall(this.options.fusUrl + path, {
			method: 'POST',
			headers: {...this.headers(signature), 'content-type': 'application/xml'},
			body,
			dispatcher: this.options.dispatcher,
			timeoutMs: this.options.timeoutMs,
			signal: this.options.signal,
			stage,
		});
		this.absorb(reply.headers);
		if (reply.statusCode !== 200) {
			throw new FusError('HTTP_STATUS', `The server answered HTTP ${reply.statusCode} to ${path}`, {stage, httpStatus: reply.statusCode, protocol: this.variant.name});
		}

		return reply;
	}
}
