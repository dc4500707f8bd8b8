/**
 * Downloads from an emulator in this process by separate programs, so the server and the client
 * never share a thread: `fusdeck download` (the built binary, as users run it), and curl given the
 * same authorised request, both reading the same bytes from the same server to the same disk.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Agent, type Dispatcher} from 'undici';
import {openDownload} from '../source/core/fus/open-download.js';
import type {Emulator} from '../source/emulator/server.js';
import {timeProgram} from './bench-files.js';

const binary = fileURLToPath(new URL('../../bin/fusdeck.js', import.meta.url));

export type AuthorisedRequest = {url: string; headers: Record<string, string>};

/** inform + init against the emulator, and the headers of a ranged request, for curl. */
export async function authorisedRequest(emulator: Emulator, model: string, csc: string): Promise<AuthorisedRequest> {
	const captured: AuthorisedRequest[] = [];
	const dispatcher: Dispatcher = new Agent().compose(dispatch => (options, handler) => {
		if (options.method === 'GET' && String(options.path).includes('file=')) {
			const headers = Object.fromEntries(Object.entries(options.headers as Record<string, string>).filter(([name]) => name.toLowerCase() !== 'range'));
			captured.push({url: `${String(options.origin)}${String(options.path)}`, headers});
		}

		return dispatch(options, handler);
	});
	try {
		const endpoints = {fus: emulator.url, download: emulator.url, fota: emulator.url};
		const version = emulator.catalog.find(entry => entry.model === model)!.builds[csc]![0]!;
		const opened = await openDownload({model, csc, version}, {endpoints, protocol: 'smart', dispatcher});
		const probe = await opened.source.requestRange(0, 15);
		for await (const _chunk of probe.body) {
			// Drain the 16-byte probe.
		}
	} finally {
		await dispatcher.close();
	}

	const request = captured[0];
	if (!request) {
		throw new Error('the probe request was not captured');
	}

	return request;
}

/** curl's arguments for one request written to `output`, its headers (plus `extra`) as -H options. */
export function curlArgs(request: AuthorisedRequest, output: string, extra: Record<string, string> = {}): string[] {
	const headers = Object.entries({...request.headers, ...extra}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
	return ['--silent', '--show-error', '--fail', '--output', output, ...headers, request.url];
}

export async function timeCurl(request: AuthorisedRequest, output: string): Promise<number> {
	return timeProgram('curl', curlArgs(request, output));
}

/** `fusdeck download MODEL CSC --out DIR --connections N` against the emulator, with a throwaway config. */
export async function timeFusdeck(emulator: Emulator, model: string, csc: string, destDir: string, connections: number): Promise<number> {
	const config = await mkdtemp(join(destDir, 'config-'));
	try {
		return await timeProgram(process.execPath, [binary, 'download', model, csc, '--out', destDir, '--connections', String(connections), '--protocol', 'smart'], {
			FUSDECK_FUS_URL: emulator.url, FUSDECK_DOWNLOAD_URL: emulator.url, FUSDECK_FOTA_URL: emulator.url, FUSDECK_CONFIG_DIR: config,
		});
	} finally {
		await rm(config, {recursive: true, force: true});
	}
}
