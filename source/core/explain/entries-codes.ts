import type {ErrorCode} from '../error-codes.js';
import {codeEntryId, type KnowledgeEntry} from './entry.js';

type CodeText = Omit<KnowledgeEntry, 'id' | 'kind' | 'key'>;

/**
 * One explanation per fusdeck error code. The `Record` over ErrorCode makes a new code without
 * an explanation a type error; the explain tests check the same at run time.
 */
const byCode: Record<ErrorCode, CodeText> = {
	FUS_STATUS: {
		title: 'FUS refused the request',
		meaning: 'The server answered HTTP 200 but put a refusal code in Results/Status instead of 200 (classic) or S00 (Smart).',
		cause: 'The body status says why; fusdeck explains it when the status is known (try: fusdeck explain 408).',
		fix: 'Read the status-specific advice; most refusals are a wrong model/CSC/version or a missing IMEI.',
		action: 'fix-input',
	},
	HTTP_STATUS: {
		title: 'The server answered with an HTTP error',
		meaning: 'A request was answered with an HTTP status that is not a success and has no more specific code.',
		cause: 'The status says why (try: fusdeck explain "HTTP 404").',
		fix: 'Read the status-specific advice; retry later if it is a 5xx.',
		action: 'retry',
	},
	RATE_LIMITED: {
		title: 'Rate limited (HTTP 429)',
		meaning: 'The server answered 429 Too Many Requests: this address sent more requests than it allows.',
		cause: 'Too many requests in a short time, often from comparing many CSCs at once or from several tools sharing one IP.',
		fix: 'Wait as long as the server asks (Retry-After), then retry with fewer parallel requests.',
		action: 'wait-retry',
	},
	SERVER_ERROR: {
		title: 'Server error (HTTP 5xx)',
		meaning: 'Samsung\'s server or the CDN in front of it failed to answer the request.',
		cause: 'A temporary fault, overload or maintenance on the server side; nothing in the request is wrong.',
		fix: 'Retry with backoff in a few minutes; downloads resume from their checkpoint.',
		action: 'wait-retry',
	},
	LINK_EXPIRED: {
		title: 'Download link expired',
		meaning: 'The download host refused the transfer with HTTP 401: the authorisation from the last init is no longer valid.',
		cause: 'The authorisation lasts roughly 15 to 30 minutes; a long download or a pause outlived it.',
		fix: 'Resume: fusdeck renews the session (nonce, inform, init) and goes on from the same offset.',
		action: 'resume',
	},
	NO_FIRMWARE: {
		title: 'No firmware found for this model and CSC',
		meaning: 'version.xml knows the model/CSC pair but lists no latest build (an empty <latest/>).',
		cause: 'The pair has no official full firmware on the server: typical of carrier CSCs, retired regions and old models.',
		fix: 'Try the open multi-CSC of the region (EUX in the EU, XAA in the US, …) or another CSC the model ships with.',
		action: 'try-eux',
	},
	UNKNOWN_PAIR: {
		title: 'Unknown model/CSC pair',
		meaning: 'version.xml answered HTTP 403 with an AccessDenied body: the server has no entry for this model with this CSC.',
		cause: 'A typo in the model code (SM-S918B, not S918B) or a CSC the model is not sold with.',
		fix: 'Check the model code on the device (Settings → About phone) and pick a CSC the model uses.',
		action: 'other-csc',
	},
	SMART_REFUSED: {
		title: 'The Smart service refused the request (S01)',
		meaning: 'The Smart protocol answered S01, its refusal code (where the classic protocol says 400).',
		cause: 'The Smart service has no build for this model/CSC/version, or does not serve this model.',
		fix: 'Check model and CSC; with an IMEI or serial of the model stored, try the classic protocol.',
		action: 'other-csc',
	},
	DEVICE_ID_REQUIRED: {
		title: 'An IMEI or serial is required',
		meaning: 'The classic protocol needs an IMEI or serial number of the model, and none is known.',
		cause: 'Since December 2023 FUS refuses classic requests without a real device id (status 408).',
		fix: 'Use the Smart protocol (no IMEI needed), or store the IMEI/serial of a device of this model.',
		action: 'use-smart',
	},
	SERVED_OTHER_BUILD: {
		title: 'The server offers another build',
		meaning: 'The build the server would send is not the one you asked for.',
		cause: 'FUS usually serves only the newest build of a model/CSC; older builds are answered with the latest one.',
		fix: 'Take the offered build if it suits you, or look for the old build elsewhere; nothing was downloaded.',
		action: 'accept-latest',
	},
	BAD_REPLY: {
		title: 'The server returned an invalid response',
		meaning: 'The reply was not the XML or headers a FUS server sends (not XML, missing fields, no NONCE).',
		cause: 'A captive portal, proxy or filter answering instead of Samsung, a server hiccup, or a wrong --fus-url.',
		fix: 'Check the network (open a web page, disable the proxy/VPN) and the server URLs, then retry.',
		action: 'retry',
	},
	NETWORK: {
		title: 'Network error',
		meaning: 'The connection failed: refused, reset, or the host name did not resolve.',
		cause: 'No internet, DNS trouble, a firewall or VPN blocking the host, or the server dropping the connection.',
		fix: 'Check the connection and retry; an interrupted download resumes from its checkpoint.',
		action: 'retry',
	},
	TIMEOUT: {
		title: 'The server did not answer in time',
		meaning: 'No reply, or no data for too long, within the timeout.',
		cause: 'A slow or overloaded server, a stalled connection, or a very slow network.',
		fix: 'Retry; raise --timeout on slow links. Downloads resume from their checkpoint.',
		action: 'retry',
	},
	CRC_MISMATCH: {
		title: 'CRC check failed',
		meaning: 'The CRC32 of the downloaded (encrypted) file differs from the BINARY_CRC the server announced.',
		cause: 'Bytes were corrupted or lost in transit, or parts of two different builds were joined.',
		fix: 'Delete the file and download again from scratch.',
		action: 'redownload',
	},
	SIZE_MISMATCH: {
		title: 'Wrong file size',
		meaning: 'The body or the file is shorter or longer than announced (BINARY_BYTE_SIZE or Content-Length).',
		cause: 'An interrupted transfer, a proxy cutting the body, or a partial file from an earlier attempt.',
		fix: 'Resume the download; if the size is still wrong, download again from scratch.',
		action: 'redownload',
	},
	BAD_PADDING: {
		title: 'Decryption failed: bad padding',
		meaning: 'After AES decryption the last block does not end in valid PKCS#7 padding.',
		cause: 'The wrong key: it belongs to another build, model or CSC than the file, or the file is truncated.',
		fix: 'Decrypt with the exact version the file was downloaded for, or download it again.',
		action: 'redownload',
	},
	MD5_MISMATCH: {
		title: 'MD5 check of a .tar.md5 member failed',
		meaning: 'The MD5 line at the end of an Odin package does not match its tar part.',
		cause: 'A corrupted download or decryption, or a file changed after extraction. Odin would stop with "MD5 error".',
		fix: 'Download again; do not flash a package that fails its MD5 check.',
		action: 'redownload',
	},
	NOT_A_ZIP: {
		title: 'The decrypted file is not a zip',
		meaning: 'The decrypted output does not have a zip\'s structure (no end-of-central-directory record).',
		cause: 'The wrong decryption key (another version, model or CSC) or a corrupt or incomplete download.',
		fix: 'Decrypt with the exact version of the download; if that fails, download again.',
		action: 'redownload',
	},
	DISK_FULL: {
		title: 'Not enough disk space',
		meaning: 'Writing failed with ENOSPC, or the free space is smaller than the file needs.',
		cause: 'Firmware files take 5 to 12 GB, plus room for the decrypted output.',
		fix: 'Free disk space or choose another download folder, then resume.',
		action: 'free-space',
	},
	UNSAFE_NAME: {
		title: 'Unsafe file name from the server',
		meaning: 'The server supplied a file name or path that is not a plain file name (slashes, "..", control characters).',
		cause: 'A misbehaving or malicious server; Samsung\'s servers send plain names.',
		fix: 'Nothing was written. Check the server URLs you use; report it if it came from Samsung.',
		action: 'report',
	},
	INVALID_IMEI: {
		title: 'Invalid IMEI or serial number',
		meaning: 'The IMEI/serial is malformed (an IMEI has 15 digits with a Luhn check digit) or belongs to another model.',
		cause: 'A typo, an IMEI of another model (its first 8 digits, the TAC, name the model), or a made-up number.',
		fix: 'Copy the IMEI or serial from a device of this model (dial *#06# or look in Settings → About phone).',
		action: 'enter-imei',
	},
	CONFIG_CORRUPT: {
		title: 'The settings file could not be read',
		meaning: 'fusdeck\'s config file is not valid; a backup of it was kept and defaults are used.',
		cause: 'An interrupted write or a manual edit that broke the JSON.',
		fix: 'Check the backup next to the config file and re-enter the settings you need.',
		action: 'fix-input',
	},
	QUEUE_IN_USE: {
		title: 'The download queue is in use by another fusdeck',
		meaning: 'Another fusdeck process (a workstation or a running download) owns the saved queue; this one keeps its jobs in memory.',
		cause: 'fusdeck is open in another terminal or SSH session, or a scripted download is running.',
		fix: 'Let the other process finish or quit it; jobs started here still download but will not resume after a restart.',
	},
	CANCELLED: {
		title: 'Cancelled',
		meaning: 'The operation was stopped on request (Ctrl-C or a cancel key).',
		cause: 'You or a script cancelled it.',
		fix: 'Nothing to fix; a cancelled download can be resumed.',
		action: 'resume',
	},
	USAGE: {
		title: 'Wrong command-line input',
		meaning: 'An argument or option is missing or malformed.',
		cause: 'The message says which one.',
		fix: 'Correct the input; every command has --help.',
		action: 'fix-input',
	},
	INTERNAL: {
		title: 'Internal error (a bug)',
		meaning: 'fusdeck hit a condition it does not expect.',
		cause: 'A bug in fusdeck.',
		fix: 'Rerun with --debug and report the stack trace.',
		action: 'report',
	},
};

export const codeEntries: KnowledgeEntry[] = Object.entries(byCode).map(([code, text]) => ({
	id: codeEntryId(code as ErrorCode),
	kind: 'code',
	key: code,
	...text,
}));
