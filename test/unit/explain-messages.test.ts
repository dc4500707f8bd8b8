import {test} from 'node:test';
import assert from 'node:assert/strict';
import {allEntries} from '../../source/core/explain/entries.js';
import {explainCode} from '../../source/core/explain/explain.js';

/** Messages as users paste them (from the clients and threads in SOURCES.md) and the entry each leads to. */
const pasted: Array<[string, string]> = [
	['No firmware found for this model and CSC. Please try a different CSC.', 'msg-no-firmware-found'],
	['Error 102: Unable to find Firmware for SM-G975F/OXM', 'msg-no-firmware-found'],
	['No binary file found for SM-G900H, XEF! Please try a different CSC.', 'msg-no-firmware-found'],
	['HTTP error 401: Unauthorized', 'msg-unauthorized'],
	['Error CheckHtmlXmlStatus(): Authorization failed.', 'msg-unauthorized'],
	['Binary is not decrypted', 'msg-binary-not-decrypted'],
	['Invalid IMEI or serial number specified! If you copied the value from your device…', 'msg-invalid-imei'],
	['Exception: IMEI/serial missing or invalid. Provide IMEI prefix (>=8 digits) or serial.', 'msg-invalid-imei'],
	['Error: IMEI/serial is required to download. Please re-run with -i/--dev-imei.', 'code-device-id-required'],
	['Exception: Model or region not found (403)', 'code-unknown-pair'],
	['Invalid CSC specified. Please try a different CSC.', 'code-unknown-pair'],
	['Error: received an invalid or unexpected response from the server.', 'code-bad-reply'],
	['Server returned an invalid response', 'code-bad-reply'],
	['Error decrypting file: Wrong key.', 'msg-decrypt-failed'],
	['Could not decrypt the file', 'msg-decrypt-failed'],
	['Could not get decryption key from servers - bad model/region/imei?', 'msg-decrypt-failed'],
	['Exception: getlogiccheck() input too short', 'msg-version-too-short'],
	['Error: Connection interrupted', 'msg-connection-reset'],
	['read ECONNRESET', 'msg-connection-reset'],
	['Download stalled at offset 123456: server stopped responding', 'msg-download-stalled'],
	['SSL: CERTIFICATE_VERIFY_FAILED', 'msg-ssl-error'],
	['<ID:0/004> MD5 error! Binary is invalid', 'msg-odin-md5-error'],
	['<ID:0/003> FAIL! SHA256 is invalid', 'msg-odin-sha256-invalid'],
	['SW REV CHECK FAIL DEVICE 2 BINARY 1', 'msg-odin-sw-rev-check-fail'],
	['SW REV. CHECK FAIL : fused 8, Binary : 6', 'msg-odin-sw-rev-check-fail'],
	['<ID:0/005> FAIL! (Auth)', 'msg-odin-auth-fail'],
	['Model dismatch fail', 'msg-odin-model-mismatch'],
	['<ID:0/003> Complete(Write) operation failed.', 'msg-odin-write-failed'],
	['CRC check failed. Please delete the file and download again.', 'code-crc-mismatch'],
	['Error: CRC does not match. Please redownload the file.', 'code-crc-mismatch'],
	['MD5 check failed. Please delete the file and download again.', 'code-md5-mismatch'],
	['End-of-central-directory signature not found.  Either this file is not a zipfile', 'code-not-a-zip'],
	['javax.crypto.BadPaddingException: Given final block not properly padded', 'code-bad-padding'],
	['assert length % 16 == 0', 'code-size-mismatch'],
	['Invalid firmware string. Make sure all groups are specified.', 'fus-f01'],
	['You requested A but Samsung is attempting to serve B instead.', 'code-served-other-build'],
	['Download error: 429', 'http-429'],
	['429 Too Many Requests', 'http-429'],
	['Error: Could not send BinaryInform. Status code 200/408', 'fus-408'],
	['Error UpdateCheck(): Could not send BinaryInform. Status code (200/401)', 'fus-401'],
	['2023-12-27 20:19:36.5896 | ERROR | FUS response status code: 408 |', 'fus-408'],
	['Exception: DownloadBinaryInform returned 400, firmware could not be found?', 'fus-400'],
	['Bad return status: 400', 'fus-400'],
	['Request was invalid. Are you sure the input data is correct?', 'fus-400'],
	['Status: S01', 'fus-s01'],
	['requests.exceptions.HTTPError: 405 Client Error: Method Not Allowed for url: http://cloud-neofussvr.sslcs.cdngc.net/x', 'http-405'],
	['Error: Request failed with status code 403', 'http-403'],
	['io.ktor.client.plugins.ClientRequestException: HTTP 503', 'http-503'],
	['error 401', 'fus-401'],
	['connect ETIMEDOUT 1.2.3.4:443', 'code-timeout'],
	['getaddrinfo ENOTFOUND neofussvr.sslcs.cdngc.net', 'code-network'],
	['ENOSPC: no space left on device, write', 'code-disk-full'],
];

for (const [text, id] of pasted) {
	test(`pasted "${text.slice(0, 60)}" explains as ${id}`, () => {
		assert.equal(explainCode(text)?.id, id);
	});
}

test('matching ignores case and finds the phrase inside a longer log line', () => {
	assert.equal(explainCode('<OSM> All threads completed. <ID:0/004> md5 ERROR! binary IS invalid (succeed 0 / failed 1)')?.id, 'msg-odin-md5-error');
	assert.equal(explainCode('NO FIRMWARE FOUND')?.id, 'msg-no-firmware-found');
	assert.equal(explainCode('unauthorized')?.id, 'msg-unauthorized');
});

test('a host name containing "ssl" is not read as an SSL error', () => {
	assert.notEqual(explainCode('could not open https://neofussvr.sslcs.cdngc.net/x')?.id, 'msg-ssl-error');
});

test('every message entry is reached by at least one pasted message', () => {
	const reached = new Set(pasted.map(([, id]) => id));
	for (const entry of allEntries.filter(e => e.kind === 'message')) {
		assert.ok(reached.has(entry.id), `no pasted sample reaches ${entry.id}`);
	}
});
