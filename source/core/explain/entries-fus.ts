import type {KnowledgeEntry} from './entry.js';

type FusText = Omit<KnowledgeEntry, 'id' | 'kind' | 'key'>;

/**
 * FUS body statuses (FUSMsg/FUSBody/Results/Status, sent with HTTP 200). 400, 401 and 408 are what
 * the clients handle and users report; S00/S01 are the Smart variant's; F01 is Bifrost's "invalid
 * firmware string". 403, 404, 410, 500 and 501 are reported by users as body statuses; their
 * meanings follow the project's seed table. Sources in SOURCES.md.
 */
const byStatus: Record<string, FusText> = {
	'200': {
		title: 'FUS status 200: success',
		meaning: 'The classic protocol\'s success code; the reply carries the binary\'s name, size, CRC and key values.',
		cause: 'Nothing failed. A tool that reports "returned 200, firmware could not be found" got a reply without a binary for that version.',
		fix: 'If a tool still failed, check for the latest version again: the server serves only current builds.',
		action: 'accept-latest',
	},
	'S00': {
		title: 'FUS status S00: success (Smart)',
		meaning: 'The Smart protocol\'s success code, the counterpart of the classic 200.',
		cause: 'Nothing failed.',
		fix: 'Nothing to fix.',
	},
	'S01': {
		title: 'FUS status S01: refused (Smart)',
		meaning: 'The Smart protocol\'s refusal, where the classic protocol answers 400.',
		cause: 'The Smart service has no build for this model/CSC/version, or does not serve this model.',
		fix: 'Check model, CSC and version; with an IMEI or serial of the model stored, try the classic protocol.',
		action: 'other-csc',
	},
	'400': {
		title: 'FUS status 400: bad request',
		meaning: 'The server rejected the request body.',
		cause: 'An unknown model/CSC/version, missing fields, a wrong LOGIC_CHECK, or an init for a file it does not know.',
		fix: 'Check model, CSC and the full four-part version; check for the latest version again and retry.',
		action: 'fix-input',
	},
	'401': {
		title: 'FUS status 401: authorisation failed',
		meaning: 'The session, nonce or signature was not accepted.',
		cause: 'A stale session or a signature made from the wrong nonce; repeated 401s on every request point to IP rate limiting.',
		fix: 'Retry with a fresh session; if every request gets 401, wait an hour or use another network.',
		action: 'retry',
	},
	'403': {
		title: 'FUS status 403: binary not found',
		meaning: 'The server has no binary for this request.',
		cause: 'A region mismatch (the CSC is not served for this model) or a discontinued model.',
		fix: 'Check model and CSC; try another CSC.',
		action: 'other-csc',
	},
	'404': {
		title: 'FUS status 404: not found',
		meaning: 'The requested model, version or file is not known to the server.',
		cause: 'A version that is no longer served, or a typo in model or CSC.',
		fix: 'Check for the latest version again and retry with it.',
		action: 'accept-latest',
	},
	'408': {
		title: 'FUS status 408: invalid or missing IMEI/serial',
		meaning: 'The classic protocol needs a real device id of the model in DEVICE_IMEI_PUSH and did not accept the one sent.',
		cause: 'No IMEI/serial was sent, it is malformed, or its TAC (first 8 digits) belongs to another model.',
		fix: 'Store an IMEI or serial of a device of this model, or use the Smart protocol, which needs none.',
		action: 'enter-imei',
	},
	'410': {
		title: 'FUS status 410: binary withdrawn',
		meaning: 'The binary is no longer available.',
		cause: 'The build was withdrawn, or the model is discontinued for this region.',
		fix: 'Check for the latest version again, or try another CSC.',
		action: 'other-csc',
	},
	'500': {
		title: 'FUS status 500: server error',
		meaning: 'The FUS server failed while handling the request.',
		cause: 'A temporary server-side fault.',
		fix: 'Retry with backoff in a few minutes.',
		action: 'wait-retry',
	},
	'501': {
		title: 'FUS status 501: not supported',
		meaning: 'The FUS server does not support this request.',
		cause: 'A temporary server-side fault, or a request shape the server no longer takes.',
		fix: 'Retry with backoff; report it if it persists.',
		action: 'wait-retry',
	},
	'F01': {
		title: 'FUS status F01: invalid firmware string',
		meaning: 'The server did not accept the firmware version in the request.',
		cause: 'A version with a missing or malformed part (it needs PDA/CSC/MODEM/BOOTLOADER).',
		fix: 'Give the full version, e.g. S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1 (check it with fusdeck decode).',
		action: 'fix-input',
	},
	'other': {
		title: 'Unlisted FUS status',
		meaning: 'The server answered with a body status fusdeck has no entry for.',
		cause: 'An unusual refusal; the status and the request decide.',
		fix: 'Check model, CSC and version and retry; report the status so it can be explained.',
		action: 'report',
	},
};

export const fusEntries: KnowledgeEntry[] = Object.entries(byStatus).map(([status, text]) => ({
	id: `fus-${status.toLowerCase()}`,
	kind: 'fus',
	key: status,
	...text,
}));
