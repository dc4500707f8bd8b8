/**
 * The queue's `prepare` step for FUS: resolve the version (latest from version.xml, or the build
 * asked for), then inform + init through the protocol variant chosen for the model. The queue
 * and the transfer engine never see FUS; this is the one place where they meet it.
 */
import type {Dispatcher} from 'undici';
import type {Endpoints} from '../endpoints.js';
import type {JobSpec, Prepare} from '../queue/types.js';
import {openDownload, type ProtocolChoice, type ProtocolMemory} from './open-download.js';
import {resolveVersion} from './resolve-version.js';
import {retryTransient} from '../retry-transient.js';

export type PrepareOptions = {
	endpoints: Endpoints;
	timeoutMs?: number;
	dispatcher?: Dispatcher;
	/** Read when each job starts, so a change in the settings applies to the next job. */
	protocol(): ProtocolChoice;
	/** The IMEI or serial to use for a model when the job has none (the store's first). */
	deviceIdFor(model: string): string | undefined;
	memory?: ProtocolMemory;
	/** Called with what inform returned, before the transfer starts (the CLI prints it). */
	onServed?(spec: JobSpec, served: {version: string; protocol: string; size: number}): void;
};

export function createFusPrepare(options: PrepareOptions): Prepare {
	return async (spec, signal) => {
		// Each step again on a 429 or 5xx: the transfer rides those out, so the steps before it should too.
		const version = await retryTransient(async () => resolveVersion(spec.model, spec.csc, spec.version, {fotaUrl: options.endpoints.fota, timeoutMs: options.timeoutMs, signal, ...(options.dispatcher ? {dispatcher: options.dispatcher} : {})}), {signal});
		const opened = await retryTransient(async () => openDownload(
			{model: spec.model, csc: spec.csc, version, deviceId: spec.deviceId ?? options.deviceIdFor(spec.model)},
			{endpoints: options.endpoints, protocol: options.protocol(), dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, signal, memory: options.memory, exactBuild: spec.exactBuild},
		), {signal});
		options.onServed?.(spec, {version: opened.info.version, protocol: opened.info.protocol, size: opened.remote.size});
		return {remote: opened.remote, source: opened.source, protocol: opened.info.protocol};
	};
}
