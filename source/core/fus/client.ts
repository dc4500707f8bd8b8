/**
 * The FUS client: one protocol variant over one session. inform → init → a DownloadSource for the
 * transfer engine, plus SmartHistory. Hosts, dispatcher and timeouts are injected.
 */
import {request, type Dispatcher} from 'undici';
import type {Endpoints} from '../endpoints.js';
import {FusError, NetworkError} from '../errors.js';
import {refuseRedirect} from '../http.js';
import type {DownloadSource, RangeResponse} from '../transfer/types.js';
import {historySignature} from './crypto.js';
import {informResultFrom, refusal, type InformResult} from './inform-result.js';
import {FusSession} from './session.js';
import {smartHistoryPath, type InformQuery, type ProtocolName} from './variant.js';
import type {FusFields} from './xml.js';
import {quote} from '../quote.js';

export type FusClientOptions = {
	endpoints: Endpoints;
	protocol: ProtocolName;
	dispatcher?: Dispatcher;
	timeoutMs?: number;
	signal?: AbortSignal;
};

export class FusClient {
	readonly protocol: ProtocolName;
	private readonly options: FusClientOptions;
	private readonly session: FusSession;

	constructor(options: FusClientOptions) {
		this.options = options;
		this.protocol = options.protocol;
		this.session = new FusSession(options.protocol, {
			fusUrl: options.endpoints.fus,
			dispatcher: options.dispatcher,
			timeoutMs: options.timeoutMs,
			signal: options.signal,
		});
	}

	async inform(query: InformQuery): Promise<InformResult> {
		await this.ensureNonce();
		const variant = this.session.variant;
		let request;
		try {
			request = variant.informRequest(query, this.session.nonce);
		} catch (error) {
			throw new FusError('USAGE', `${quote(query.version)} is not a firmware version (PDA/CSC/MODEM/BOOTLOADER)`, {stage: 'input'}, {cause: error});
		}

		const reply = await this.session.post(variant.paths.inform, request, 'inform');
		if (!variant.isSuccess(reply.status)) {
			throw refusal(reply.status, 'inform', this.protocol, query);
		}

		return informResultFrom(reply.fields, query, this.protocol);
	}

	/** Authorises the download of the informed file (for 15–30 minutes on the real servers). */
	async init(info: InformResult): Promise<void> {
		await this.ensureNonce();
		const variant = this.session.variant;
		const reply = await this.session.post(
			variant.paths.init,
			variant.initRequest({binaryName: info.binaryName, version: info.version, csc: info.localCode, modelType: info.modelType}, this.session.nonce),
			'init',
		);
		if (!variant.isSuccess(reply.status)) {
			throw refusal(reply.status, 'init', this.protocol, info);
		}
	}

	/** SmartHistory.do: every build the server knows for the pair (Smart only). */
	async history(model: string, csc: string): Promise<FusFields[]> {
		if (this.protocol !== 'smart') {
			throw new FusError('USAGE', 'Build history needs the Smart protocol', {stage: 'history'});
		}

		await this.ensureNonce();
		const reply = await this.session.post(
			smartHistoryPath,
			{put: {BINARY_MODEL_NAME: model, BINARY_LOCAL_CODE: csc}},
			'history',
			historySignature(this.session.nonce, model),
		);
		if (!this.session.variant.isSuccess(reply.status)) {
			throw refusal(reply.status, 'history', this.protocol, {model, csc});
		}

		return reply.records;
	}

	/**
	 * Ranged requests with the current authorisation; `renew` asks for a new nonce and repeats the
	 * init (classic also the inform, as its authorisation hangs on it). Concurrent renewals share one.
	 */
	downloadSource(info: InformResult, query: InformQuery): DownloadSource {
		const url = `${this.options.endpoints.download}${this.session.variant.paths.download}?file=${info.modelPath}${info.binaryName}`;
		let renewal: Promise<void> | undefined;
		return {
			requestRange: async (start, end, signal) => this.requestRange(url, start, end, signal),
			renew: async () => {
				renewal ??= this.renew(info, query).finally(() => {
					renewal = undefined;
				});
				return renewal;
			},
		};
	}

	private async renew(info: InformResult, query: InformQuery): Promise<void> {
		await this.session.refreshNonce();
		if (this.protocol === 'classic') {
			const again = await this.inform({...query, version: info.version});
			if (again.binaryName !== info.binaryName || again.size !== info.size) {
				throw new FusError('SERVED_OTHER_BUILD', `The server now serves ${quote(again.binaryName, 100)} instead of ${quote(info.binaryName, 100)}; start the download again`, {stage: 'inform', protocol: this.protocol});
			}
		}

		await this.init(info);
	}

	private async requestRange(url: string, start: number, end: number, signal?: AbortSignal): Promise<RangeResponse> {
		const timeoutMs = this.options.timeoutMs ?? 30_000;
		try {
			const response = await request(url, {
				method: 'GET',
				headers: {...this.session.headers(), range: `bytes=${start}-${end}`},
				dispatcher: this.options.dispatcher,
				signal,
				headersTimeout: timeoutMs,
				bodyTimeout: timeoutMs,
			});
			this.session.absorb(response.headers);
			// The Authorization header must not follow a redirect to another host, and undici's
			// request() does not follow; say so instead of handing the engine a bare 3xx.
			refuseRedirect(response, url, 'download');
			return {statusCode: response.statusCode, headers: response.headers, body: response.body};
		} catch (error) {
			if (error instanceof FusError) {
				throw error;
			}

			const code = (error as {code?: string})?.code ?? '';
			throw new NetworkError(code.includes('TIMEOUT') ? 'TIMEOUT' : 'NETWORK', `Download connection failed: ${code || (error as Error).message}`, {stage: 'download', url}, {cause: error});
		}
	}

	private async ensureNonce(): Promise<void> {
		if (!this.session.hasNonce) {
			await this.session.refreshNonce();
		}
	}
}
