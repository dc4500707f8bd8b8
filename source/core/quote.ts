/**
 * User input quoted inside a message. Input can be anything a script passes (escape sequences that
 * would drive the terminal, bidi overrides that reorder the line, megabytes of text), so it is
 * escaped like a JSON string and cut to a length a one-line message can hold.
 */
export function quote(input: unknown, max = 60): string {
	const text = String(input);
	const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
	// JSON escapes C0 controls, quotes and lone surrogates; bidi controls and C1 we escape ourselves.
	return JSON.stringify(cut).replaceAll(/[\u0080-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text from a file or a server (a zip member's name) made safe to print as it is: controls that
 * would drive the terminal or reorder the line become `\uXXXX`; everything else is left alone.
 */
export function printable(text: string): string {
	return text.replaceAll(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
