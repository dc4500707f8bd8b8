import type {KnowledgeEntry} from './entry.js';

type HttpText = Omit<KnowledgeEntry, 'id' | 'kind' | 'key'>;

/**
 * HTTP statuses that FUS clients meet, from the clients' code and issue threads (see SOURCES.md).
 * FUS refusals mostly come as HTTP 200 with a body status (see entries-fus.ts); an HTTP error is
 * transport trouble, version.xml's 403, or the download host's 401/404/416.
 */
const byStatus: Record<string, HttpText> = {
	'400': {
		title: 'HTTP 400 Bad Request',
		meaning: 'The server could not accept the request as sent.',
		cause: 'A malformed request: missing fields, a bad LOGIC_CHECK or an unknown model/CSC/version.',
		fix: 'Check model, CSC and version (the full four-part string); retry with a fresh session.',
		action: 'fix-input',
	},
	'401': {
		title: 'HTTP 401 Unauthorized',
		meaning: 'The server did not accept the authorisation (nonce and signature) of the request.',
		cause: 'On the download host: the download authorisation expired. On the FUS host: a stale session or signature; repeated 401s from every request point to IP rate limiting.',
		fix: 'Resume (the session is renewed); if every request gets 401, wait an hour or use another network.',
		action: 'resume',
	},
	'403': {
		title: 'HTTP 403 Forbidden',
		meaning: 'The server refuses to serve this URL.',
		cause: 'On version.xml: the model/CSC pair is unknown (AccessDenied). On a download: no binary for the region, a discontinued model, or an outdated download host.',
		fix: 'Check the model code and CSC; try another CSC (the open multi-CSC such as EUX).',
		action: 'other-csc',
	},
	'404': {
		title: 'HTTP 404 Not Found',
		meaning: 'The requested file or path does not exist on the server.',
		cause: 'The binary is no longer hosted (old models keep only an older full build), or the download path is wrong.',
		fix: 'Check for the latest version again and download what the server offers now.',
		action: 'accept-latest',
	},
	'405': {
		title: 'HTTP 405 Method Not Allowed',
		meaning: 'The server rejects the request format: wrong method, bad nonce or missing parameters.',
		cause: 'A stale or malformed session, or a client using an outdated host or request shape.',
		fix: 'Retry with a fresh session; report it if it persists.',
		action: 'retry',
	},
	'408': {
		title: 'HTTP 408 Request Timeout',
		meaning: 'The server gave up waiting for the request.',
		cause: 'A slow or interrupted upload of the request, or an overloaded server. (FUS\'s body status 408 is different: an IMEI problem; try: fusdeck explain "FUS 408".)',
		fix: 'Retry.',
		action: 'retry',
	},
	'410': {
		title: 'HTTP 410 Gone',
		meaning: 'The binary existed but has been withdrawn.',
		cause: 'The build was pulled, or the model is discontinued on this region.',
		fix: 'Check for the latest version again, or try another CSC.',
		action: 'other-csc',
	},
	'416': {
		title: 'HTTP 416 Range Not Satisfiable',
		meaning: 'The resume offset lies past the end of the file on the server.',
		cause: 'The partial file is from another build, or is already complete.',
		fix: 'Verify the file; if it is not complete and correct, download again from scratch.',
		action: 'redownload',
	},
	'429': {
		title: 'HTTP 429 Too Many Requests',
		meaning: 'The server rate-limits this address.',
		cause: 'Too many requests in a short time (many CSCs at once, many connections, or several tools on one IP).',
		fix: 'Wait (Retry-After, or a few minutes), then retry with fewer parallel requests.',
		action: 'wait-retry',
	},
	'500': {
		title: 'HTTP 500 Internal Server Error',
		meaning: 'The server failed while handling the request.',
		cause: 'A temporary server-side fault; nothing in the request is known to be wrong.',
		fix: 'Retry with backoff in a few minutes.',
		action: 'wait-retry',
	},
	'501': {
		title: 'HTTP 501 Not Implemented',
		meaning: 'The server does not support what the request asked for.',
		cause: 'Usually a server-side or CDN fault; rarely a client using an outdated path.',
		fix: 'Retry with backoff; report it if it persists.',
		action: 'wait-retry',
	},
	'502': {
		title: 'HTTP 502 Bad Gateway',
		meaning: 'The CDN or proxy in front of the server got no valid answer from it.',
		cause: 'A temporary server-side fault, or a local proxy failing.',
		fix: 'Retry with backoff in a few minutes.',
		action: 'wait-retry',
	},
	'503': {
		title: 'HTTP 503 Service Unavailable',
		meaning: 'The server is overloaded or in maintenance.',
		cause: 'Temporary; sometimes also a form of rate limiting.',
		fix: 'Wait (Retry-After, if given) and retry.',
		action: 'wait-retry',
	},
	'504': {
		title: 'HTTP 504 Gateway Timeout',
		meaning: 'The CDN or proxy in front of the server timed out waiting for it.',
		cause: 'A slow or overloaded server.',
		fix: 'Retry with backoff in a few minutes.',
		action: 'wait-retry',
	},
	'3xx': {
		title: 'HTTP redirect (not followed)',
		meaning: 'The server answered with a redirect to another address; fusdeck does not follow redirects from the FUS and version.xml hosts.',
		cause: 'Something between you and Samsung answered instead: a captive portal (hotel, train Wi-Fi), a proxy or a filter. Following it could hand the session, and for the classic protocol the IMEI, to another host.',
		fix: 'Open a web page to finish any portal login, check proxy/VPN settings and the server URLs, then retry.',
		action: 'retry',
	},
	'4xx': {
		title: 'HTTP client error',
		meaning: 'The server refused the request (a 4xx status without a specific entry).',
		cause: 'Something in the request is not accepted: URL, parameters or authorisation.',
		fix: 'Check model, CSC and version, then retry with a fresh session.',
		action: 'retry',
	},
	'5xx': {
		title: 'HTTP server error',
		meaning: 'The server failed (a 5xx status without a specific entry).',
		cause: 'A temporary fault on the server side.',
		fix: 'Retry with backoff in a few minutes.',
		action: 'wait-retry',
	},
};

export const httpEntries: KnowledgeEntry[] = Object.entries(byStatus).map(([status, text]) => ({
	id: `http-${status}`,
	kind: 'http',
	key: status,
	...text,
}));
