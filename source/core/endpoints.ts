import {quote} from './quote.js';

/** The three hosts FUS clients talk to. Each is a base URL to which the real path is appended. */
export type Endpoints = {
	/** Nonce, BinaryInform, BinaryInit, SmartHistory (POST). */
	fus: string;
	/** The binary download (GET, Range). */
	download: string;
	/** version.xml (GET, no auth). */
	fota: string;
};

export const defaultEndpoints: Endpoints = {
	fus: 'https://neofussvr.sslcs.cdngc.net',
	download: 'http://cloud-neofussvr.samsungmobile.com',
	fota: 'https://fota-cloud-dn.ospserver.net',
};

export const endpointEnvironment = {
	fus: 'FUSDECK_FUS_URL',
	download: 'FUSDECK_DOWNLOAD_URL',
	fota: 'FUSDECK_FOTA_URL',
} as const;

/** Flags win over the environment, the environment over the real hosts. Trailing slashes are dropped. */
export function resolveEndpoints(
	flags: Partial<Record<keyof Endpoints, string | undefined>>,
	env: Record<string, string | undefined>,
): Endpoints {
	const pick = (key: keyof Endpoints) => {
		const value = flags[key] ?? env[endpointEnvironment[key]] ?? defaultEndpoints[key];
		// Which of three flags and three variables was wrong is what the user needs to hear.
		const origin = flags[key] === undefined ? endpointEnvironment[key] : `--${key}-url`;
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			throw new TypeError(`${origin} is not a URL: ${quote(value)}`); // callers turn it into a usage error
		}

		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			throw new TypeError(`${origin} is not an http(s) URL: ${quote(value)}`);
		}

		return value.replace(/\/+$/, '');
	};

	return {fus: pick('fus'), download: pick('download'), fota: pick('fota')};
}
