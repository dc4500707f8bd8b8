/**
 * What every XML reply fusdeck parses must pass first, and the parser options that go with it.
 * FUS replies and version.xml are small, flat and plain: no DTD, a handful of levels. Holding
 * replies to that shape keeps entity tricks (billion laughs, external entities) and parser
 * recursion out, whatever the XML library's own defaults become.
 */

/** Deepest real shape: FUSMsg/FUSBody/Put/BINARY_INFO/NAME/Data (6); version.xml has 5. */
export const maxXmlDepth = 16;

/** Bigger than any real reply (SmartHistory of a long-lived model is a few hundred KiB). */
export const maxXmlBytes = 4 * 1024 * 1024;

/** fast-xml-parser options every fusdeck parser spreads in. */
export const hardenedParserOptions = {
	maxNestedTags: maxXmlDepth,
	// Only the five XML entities (&lt; &amp; …) remain possible: a DTD, where others would be
	// declared, is refused before parsing. The limits are a second fence should one slip through.
	processEntities: {enabled: true, maxEntityCount: 1, maxEntitySize: 64, maxExpandedLength: 10_000, maxExpansionDepth: 1},
	htmlEntities: false,
} as const;

/** Why `text` must not be parsed, or undefined when it may be. */
export function xmlRefusal(text: string): string | undefined {
	const size = Buffer.byteLength(text);
	if (size > maxXmlBytes) {
		return `is ${size} bytes, far larger than any real one`;
	}

	// XML 1.0 forbids C0 controls other than tab and line ends; C1 (CSI is one) are discouraged.
	// Real replies are ASCII; a control character is an attempt to drive the terminal that prints it.
	if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text)) {
		return 'contains control characters, which XML does not allow and no Samsung server sends';
	}

	if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
		return 'declares a DTD (<!DOCTYPE or <!ENTITY), which no Samsung server sends; entity declarations are refused';
	}

	return undefined;
}

/** Parser messages can quote the whole input; an error message keeps its first line, bounded. */
export function parserMessage(error: unknown): string {
	const first = String((error as Error)?.message ?? error).split('\n')[0] ?? '';
	return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}
