import type {KnowledgeEntry} from './entry.js';

type MessageText = Omit<KnowledgeEntry, 'kind' | 'key'>;

/**
 * Messages that users paste from FUS clients and from Odin. Which texts lead here is in
 * `patterns.ts`; where each message comes from is in SOURCES.md.
 */
const messages: MessageText[] = [
	{
		id: 'msg-no-firmware-found',
		title: 'No firmware found',
		meaning: 'The tool found no downloadable firmware for the model/CSC pair (Bifrost, Frija, SamFirm and samloader word it differently).',
		cause: 'The pair has no official full firmware: carrier CSCs often have none, old models keep only an older build, and a typo in model or CSC looks the same.',
		fix: 'Check the model code; try the open multi-CSC of the region (EUX in the EU, XAA in the US) or another CSC the model ships with.',
		action: 'try-eux',
	},
	{
		id: 'msg-unauthorized',
		title: 'Unauthorized (401)',
		meaning: 'The server rejected the authentication of the request.',
		cause: 'Most often IP rate limiting after many requests (every request then gets 401); on a long download, an expired link.',
		fix: 'Wait an hour or switch network, then retry; a download resumes with a fresh session.',
		action: 'wait-retry',
	},
	{
		id: 'msg-binary-not-decrypted',
		title: 'Binary is not decrypted',
		meaning: 'The tool could not produce the decrypted firmware zip.',
		cause: 'The download failed or is incomplete, or the key (tied to the session and version) did not fit the file.',
		fix: 'Download again with the same tool and let it decrypt in one go.',
		action: 'redownload',
	},
	{
		id: 'msg-invalid-imei',
		title: 'Invalid IMEI or serial',
		meaning: 'The IMEI/serial was rejected: by the tool\'s own check, or by FUS with status 408.',
		cause: 'A typo, an IMEI of another model (its TAC, the first 8 digits, names the model), or a generated IMEI the server does not accept.',
		fix: 'Use the IMEI or serial of a real device of this model; or use the Smart protocol, which needs none.',
		action: 'enter-imei',
	},
	{
		id: 'msg-decrypt-failed',
		title: 'Could not decrypt the firmware',
		meaning: 'Decryption failed or the tool could not get the key (ENC2/ENC4) for the file.',
		cause: 'The key does not fit: the version, model or CSC given differs from the download\'s, or the file is incomplete.',
		fix: 'Decrypt with the exact model, CSC and four-part version of the download; otherwise download again.',
		action: 'redownload',
	},
	{
		id: 'msg-version-too-short',
		title: 'Version string too short',
		meaning: 'The tool needs the full firmware version to compute the LOGIC_CHECK and refused a shorter one.',
		cause: 'Only the PDA part was given, or a part is missing.',
		fix: 'Give all four parts PDA/CSC/MODEM/BOOTLOADER (check them with fusdeck decode), or let the tool look up the latest.',
		action: 'fix-input',
	},
	{
		id: 'msg-connection-reset',
		title: 'Connection reset or interrupted',
		meaning: 'The connection was closed in the middle of a request or download.',
		cause: 'An unstable network, a proxy/VPN dropping long transfers, or the server closing idle or rate-limited connections.',
		fix: 'Resume the download; use fewer parallel connections if it keeps happening.',
		action: 'resume',
	},
	{
		id: 'msg-download-stalled',
		title: 'Download stalled',
		meaning: 'No data arrived for a long time on a download connection.',
		cause: 'A throttled or stuck connection on the download host, or a failing network.',
		fix: 'Resume; the download goes on from its checkpoint with fresh connections.',
		action: 'resume',
	},
	{
		id: 'msg-ssl-error',
		title: 'SSL/TLS error',
		meaning: 'The secure connection to the server could not be set up or verified.',
		cause: 'A wrong system clock, a proxy or antivirus intercepting HTTPS, or an outdated certificate store.',
		fix: 'Fix the clock, turn off HTTPS inspection for the Samsung hosts, update the system, then retry.',
		action: 'retry',
	},
	{
		id: 'msg-odin-md5-error',
		title: 'Odin: MD5 error (binary is invalid)',
		meaning: 'Odin checked the MD5 line of a .tar.md5 package and it did not match.',
		cause: 'A corrupted or incomplete download or decryption, or a package altered after extraction.',
		fix: 'Verify the .tar.md5 members (fusdeck verifies them after a download) and download again if one fails.',
		action: 'redownload',
	},
	{
		id: 'msg-odin-sha256-invalid',
		title: 'Odin: SHA256 is invalid',
		meaning: 'Odin could not verify a package\'s hash.',
		cause: 'Often an Odin version too old for the package format, or a corrupted or renamed file.',
		fix: 'Use the newest Odin, verify the .tar.md5 members, and download again if one fails.',
		action: 'redownload',
	},
	{
		id: 'msg-odin-sw-rev-check-fail',
		title: 'Odin: SW REV CHECK FAIL (bootloader downgrade)',
		meaning: 'The device refuses a bootloader older than the one it has (anti-rollback; "DEVICE n, BINARY m").',
		cause: 'The firmware\'s bootloader revision (the character after S/U in the version, e.g. the 8 in S918BXXS8DYK1) is lower than the device\'s.',
		fix: 'Flash a build whose bootloader revision is at least the device\'s, normally the latest; compare with fusdeck decode.',
		action: 'accept-latest',
	},
	{
		id: 'msg-odin-auth-fail',
		title: 'Odin: FAIL! (Auth)',
		meaning: 'The device did not accept the signature of what was flashed.',
		cause: 'Firmware for another model or variant, a bootloader downgrade, or a modified (unsigned) image.',
		fix: 'Use official firmware for the exact model shown in download mode, with a bootloader revision not below the device\'s.',
		action: 'fix-input',
	},
	{
		id: 'msg-odin-model-mismatch',
		title: 'Odin: Model dismatch (model mismatch)',
		meaning: 'The package is built for a different model than the connected device.',
		cause: 'Firmware for another variant (e.g. SM-S918U instead of SM-S918B).',
		fix: 'Download firmware for the model code shown in download mode.',
		action: 'fix-input',
	},
	{
		id: 'msg-odin-write-failed',
		title: 'Odin: Complete(Write) operation failed',
		meaning: 'Odin stopped while writing a partition; the real reason is on the device screen.',
		cause: 'A bootloader downgrade, wrong model, bad cable or USB port, or a corrupted package.',
		fix: 'Read the red line on the device screen (and explain it here); check cable, port and the package\'s MD5.',
		action: 'fix-input',
	},
];

export const messageEntries: KnowledgeEntry[] = messages.map(text => ({...text, kind: 'message', key: text.id}));
