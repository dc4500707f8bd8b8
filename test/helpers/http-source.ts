/**
 * A DownloadSource over undici for the fault server: sends the current token, and renews it from
 * `/renew`. Deliberately NOT single-flight itself, so tests prove the engine's own coalescing.
 */
import {Agent, request} from 'undici';
import type {DownloadSource, RangeResponse} from '../../source/core/transfer/types.js';

export class HttpSource implements DownloadSource {
	renewCalls = 0;
	token = 'token-0';
	readonly #agent = new Agent({connections: 16});

	constructor(private readonly baseUrl: string) {}

	async requestRange(start: number, end: number, signal?: AbortSignal): Promise<RangeResponse> {
		const response = await request(`${this.baseUrl}/firmware.zip.enc4`, {
			dispatcher: this.#agent,
			headers: {range: `bytes=${start}-${end}`, authorization: this.token},
			signal,
		});
		return {statusCode: response.statusCode, headers: response.headers, body: response.body};
	}

	async renew(): Promise<void> {
		this.renewCalls++;
		const response = await request(`${this.baseUrl}/renew`, {dispatcher: this.#agent});
		this.token = await response.body.text();
	}

	async close(): Promise<void> {
		await this.#agent.destroy();
	}
}
