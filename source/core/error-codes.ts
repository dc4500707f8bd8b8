/**
 * The stable error codes that core raises and `explain` knows. Add a code here first, then its
 * explanation in `core/explain`; a test checks that every code has one.
 */
export const errorCodes = [
	// A FUS body status (HTTP 200 with Results/Status ≠ 200/S00). The status goes in context.fusStatus.
	'FUS_STATUS',
	// An HTTP status that is not a success. The status goes in context.httpStatus.
	'HTTP_STATUS',
	'RATE_LIMITED', // HTTP 429
	'SERVER_ERROR', // HTTP 5xx
	'LINK_EXPIRED', // download authorisation expired (HTTP 401 on the download host)
	'NO_FIRMWARE', // version.xml: known pair, empty <latest/>
	'UNKNOWN_PAIR', // version.xml: 403 AccessDenied, the model/CSC pair is unknown
	'SMART_REFUSED', // the Smart variant refused (S01) or is unavailable
	'DEVICE_ID_REQUIRED', // classic needs an IMEI/serial and none is known
	'SERVED_OTHER_BUILD', // the server offers another build than the one asked for
	'BAD_REPLY', // malformed or unexpected server reply
	'NETWORK', // timeout, reset, refused connection, DNS
	'TIMEOUT',
	'CRC_MISMATCH', // CRC32 of the encrypted stream differs from BINARY_CRC
	'SIZE_MISMATCH', // body shorter/longer than announced, or file size wrong
	'BAD_PADDING', // PKCS#7 padding invalid after decryption: wrong key
	'MD5_MISMATCH', // a .tar.md5 member's MD5 trailer does not match
	'NOT_A_ZIP', // decrypted output is not a zip: wrong key or corrupt file
	'DISK_FULL', // ENOSPC, or not enough free space before start
	'UNSAFE_NAME', // a server-supplied file name or path that is not a plain file name
	'INVALID_IMEI', // the user's IMEI/serial is malformed or belongs to another model
	'CONFIG_CORRUPT', // the config file could not be read; a backup was kept
	'QUEUE_IN_USE', // another fusdeck process owns the persisted download queue
	'CANCELLED',
	'USAGE', // wrong command-line input
	'INTERNAL', // a bug: shown with a stack only behind --debug
] as const;

export type ErrorCode = (typeof errorCodes)[number];
