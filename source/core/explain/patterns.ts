/**
 * How pasted text finds its entry. Patterns are tried in order and the first match wins, so the
 * specific ones (a tool's exact phrase, Odin's lines) come before status numbers, and those before
 * generic words such as "timeout". A pattern either names an entry or captures a status in group 1
 * that is looked up as a FUS status, an HTTP status, or ("bare") whichever fits the context.
 * Where each phrase comes from: SOURCES.md.
 */
export type MessagePattern =
	| {pattern: RegExp; id: string}
	| {pattern: RegExp; status: 'fus' | 'http' | 'bare'};

export const messagePatterns: readonly MessagePattern[] = [
	// Odin, on the PC or on the device screen.
	{pattern: /sw\s*rev\.?\s*check\s*fail/i, id: 'msg-odin-sw-rev-check-fail'},
	{pattern: /fail!?\s*\(\s*auth\s*\)|\bauth\s*fail/i, id: 'msg-odin-auth-fail'},
	{pattern: /model\s*dis?match/i, id: 'msg-odin-model-mismatch'},
	{pattern: /sha-?256\s*is\s*invalid/i, id: 'msg-odin-sha256-invalid'},
	{pattern: /md5\s*error|binary\s*is\s*invalid/i, id: 'msg-odin-md5-error'},
	{pattern: /complete\s*\(\s*write\s*\)\s*operation\s*failed/i, id: 'msg-odin-write-failed'},
	// Verification and decryption.
	{pattern: /md5\s*(check|verification)\s*failed|md5\s*mismatch/i, id: 'code-md5-mismatch'},
	{pattern: /crc\s*(check\s*)?(failed|does\s*not\s*match|mismatch)/i, id: 'code-crc-mismatch'},
	{pattern: /padding\s*is\s*invalid|bad\s*padding|not\s*properly\s*padded|bad\s*decrypt/i, id: 'code-bad-padding'},
	{pattern: /end-of-central-directory|not\s*a\s*(valid\s*)?zip/i, id: 'code-not-a-zip'},
	{pattern: /not\s*decrypted/i, id: 'msg-binary-not-decrypted'},
	{pattern: /(could\s*not|unable\s*to|failed\s*to)\s*decrypt|decryption\s*failed|error\s*decrypting|wrong\s*key|decryption\s*key/i, id: 'msg-decrypt-failed'},
	{pattern: /length\s*%\s*16|invalid\s*input\s*block\s*size/i, id: 'code-size-mismatch'},
	// A FUS body status inside a tool's message.
	{pattern: /fus\s*response\s*status\s*code\s*:?\s*(\w+)/i, status: 'fus'},
	{pattern: /status\s*code\s*\(?\s*\d{3}\s*\/\s*(\w+)/i, status: 'fus'},
	{pattern: /binaryinform\s*returned\s*(\w+)/i, status: 'fus'},
	{pattern: /bad\s*return\s*status\s*:?\s*(\w+)/i, status: 'fus'},
	{pattern: /status\W{0,3}([SF]\d{2})\b/i, status: 'fus'},
	{pattern: /invalid\s*firmware\s*string/i, id: 'fus-f01'},
	// Tools' own phrases.
	{pattern: /getlogiccheck|input\s*too\s*short/i, id: 'msg-version-too-short'},
	{pattern: /invalid\s*imei|imei\s*(or|\/)\s*serial\s*(number\s*)?(is\s*)?(missing|invalid)/i, id: 'msg-invalid-imei'},
	{pattern: /(imei|serial)[^.]{0,24}\brequired|specify\s*an\s*imei|requires?\s*a\s*valid\s*imei/i, id: 'code-device-id-required'},
	{pattern: /model\s*or\s*region\s*not\s*found|invalid\s*csc|access\s*denied|accessdenied/i, id: 'code-unknown-pair'},
	{pattern: /no\s*firmware\s*found|no\s*binary\s*file|unable\s*to\s*find\s*firmware|firmware\s*could\s*not\s*be\s*found|could\s*not\s*fetch\s*info/i, id: 'msg-no-firmware-found'},
	{pattern: /request\s*was\s*invalid/i, id: 'fus-400'},
	{pattern: /authori[sz]ation\s*failed|unauthori[sz]ed/i, id: 'msg-unauthorized'},
	{pattern: /too\s*many\s*requests|rate[-\s]*limit/i, id: 'http-429'},
	{pattern: /attempting\s*to\s*serve|version\s*mismatch|serves?\s+\S+\s+instead/i, id: 'code-served-other-build'},
	{pattern: /stalled/i, id: 'msg-download-stalled'},
	{pattern: /invalid\s*(or\s*unexpected\s*)?response|unexpected\s*response|not\s*well-formed|no\s*nonce/i, id: 'code-bad-reply'},
	// A status number in a generic error line.
	{pattern: /\bhttp(?:\/[\d.]+)?\s*(?:error|status)?\s*:?\s*(\d{3})\b/i, status: 'http'},
	{pattern: /\b(\d{3})\s*(?:client|server)\s*error/i, status: 'http'},
	{pattern: /request\s*failed\s*with\s*status\s*code\s*(\d{3})/i, status: 'http'},
	{pattern: /status(?:\s*code)?\s*:?\s*(\d{3})\b/i, status: 'bare'},
	{pattern: /\b(?:error|code)\s*:?\s*(\d{3})\b/i, status: 'bare'},
	// Generic network and disk words.
	{pattern: /connection\s*(was\s*)?(reset|interrupted|aborted|closed)|econnreset|broken\s*pipe|socket\s*hang\s*up/i, id: 'msg-connection-reset'},
	{pattern: /\bssl\b|\btls\b|certificate|cert_/i, id: 'msg-ssl-error'},
	{pattern: /timed?\s*out|etimedout|timeout/i, id: 'code-timeout'},
	{pattern: /enotfound|getaddrinfo|could\s*not\s*resolve|name\s*resolution|econnrefused|connection\s*refused|unreachable|(could\s*not|unable\s*to)\s*connect/i, id: 'code-network'},
	{pattern: /no\s*space\s*left|enospc|disk\s*(is\s*)?full|not\s*enough\s*(disk\s*)?space/i, id: 'code-disk-full'},
];
