/**
 * Picks the protocol variant for a model and gets an authorised download: `auto` tries Smart first
 * (no IMEI needed) and falls back to classic when Smart refuses and a device id is known; the
 * variant that worked is remembered per model and tried first next time.
 */
import type {Dispatcher} from 'undici';
import type {Endpoints} from '../endpoints.js';
import {FusdeckError, FusError} from '../errors.js';
import type {DownloadSource, RemoteFile} from '../transfer/types.js';
import {FusClient} from './client.js';
import type {InformResult} from './inform-result.js';
import type {InformQuery, ProtocolName} from './variant.js';

export type ProtocolChoice = ProtocolName | 'auto';

/** Where the preferred variant per model is remembered (the settings store implements it). */
export type ProtocolMemory = {
	get(model: string): ProtocolName | undefined;
	set(model: string, protocol: ProtocolName): void;
};

export type OpenDownloadOptions = {
	endpoints: Endpoints;
	protocol: ProtocolChoice;
	dispatcher?: Dispatcher;
	timeoutMs?: number;
	signal?: AbortSignal;
	memory?: ProtocolMemory;
	/** Authorise the download too (init); false for look-ups that only need the inform reply. */
	authorise?: boolean;
	/** Stop before init when the server offers another build than the one asked for. */
	exactBuild?: boolean;
};

export type OpenedDownload = {info: InformResult; remote: RemoteFile; source: DownloadSource; client: FusClient};

export function variantOrder(choice: ProtocolChoice, model: string, memory?: ProtocolMemory): ProtocolName[] {
	if (choice !== 'auto') {
		return [choice];
	}

	return memory?.get(model) === 'classic' ? ['classic', 'smart'] : ['smart', 'classic'];
}

/** Refusals after which the other variant is worth a try. Transport trouble is not one of them. */
function isVariantRefusal(error: unknown): boolean {
	return error instanceof FusError && (error.code === 'SMART_REFUSED' || error.code === 'FUS_STATUS' || (error.code === 'HTTP_STATUS' && [404, 405].includes(error.context.httpStatus ?? 0)));
}

export async function openDownload(query: InformQuery, options: OpenDownloadOptions): Promise<OpenedDownload> {
	const order = variantOrder(options.protocol, query.model, options.memory);
	let lastError: unknown;
	for (const protocol of order) {
		if (protocol === 'classic' && !query.deviceId) {
			lastError = order.length === 1 || !lastError
				? new FusError('DEVICE_ID_REQUIRED', `The classic protocol needs an IMEI or serial of a ${query.model}: give --imei, store one in the settings, or use --protocol smart`, {stage: 'inform', protocol: 'classic', model: query.model, csc: query.csc, sentDeviceId: false})
				: withHint(lastError, `; no IMEI or serial is stored for ${query.model} to try the classic protocol: give --imei or store one`);
			continue;
		}

		const client = new FusClient({endpoints: options.endpoints, protocol, dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, signal: options.signal});
		try {
			const info = await client.inform(query);
			if (options.exactBuild && info.version !== query.version) {
				throw new FusError('SERVED_OTHER_BUILD', `Asked for ${query.version.split('/')[0]} but the server offers ${info.version.split('/')[0]}; nothing was downloaded. Add --accept-latest to take it`, {stage: 'inform', protocol, model: query.model, csc: query.csc});
			}

			if (options.authorise !== false) {
				await client.init(info);
			}

			options.memory?.set(query.model, protocol);
			const remote: RemoteFile = {binaryName: info.binaryName, size: info.size, crc32: info.crc32, key: info.key, version: info.version};
			return {info, remote, source: client.downloadSource(info, query), client};
		} catch (error) {
			lastError = error;
			if (!isVariantRefusal(error)) {
				throw error;
			}
		}
	}

	throw lastError;
}

function withHint(error: unknown, hint: string): unknown {
	if (error instanceof FusdeckError) {
		error.message += hint;
	}

	return error;
}
