import {defaultEndpoints, endpointEnvironment} from '../core/endpoints.js';

/**
 * Settings in the environment that weaken fusdeck's security without a word on the command line.
 * Each one is said on stderr before the command runs, so it can never be in effect silently.
 */
export function environmentWarnings(env: Record<string, string | undefined>): string[] {
	const warnings: string[] = [];
	// Node reads this for every TLS connection in the process, undici's included; only "0" disables.
	if (env['NODE_TLS_REJECT_UNAUTHORIZED'] === '0') {
		warnings.push('NODE_TLS_REJECT_UNAUTHORIZED=0 is set: TLS certificates are NOT checked, so anyone on the network path can pose as Samsung\'s servers and read what fusdeck sends (model, CSC, and the IMEI/serial for the classic protocol). Unset it unless you are debugging on purpose.');
	}

	for (const key of ['fus', 'fota'] as const) {
		const name = endpointEnvironment[key];
		const value = env[name];
		if (value && isPlainHttpToRemote(value) && value !== defaultEndpoints[key]) {
			warnings.push(`${name}=${value} sends requests unencrypted to a host that is not this machine; use https, or unset ${name} to talk to Samsung directly.`);
		}
	}

	return warnings;
}

function isPlainHttpToRemote(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && !url.hostname.startsWith('127.');
	} catch {
		// A malformed URL is refused, with its own message, when the command resolves its endpoints.
		return false;
	}
}
