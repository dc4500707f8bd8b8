import type {Key} from 'ink';

/**
 * Keys by name, as the key table writes them: "enter", "esc", "tab", "shift+tab", "up", "down",
 * "pageup", "pagedown", "home", "end", "space", "backspace", "ctrl+c", or the character itself.
 */
export type KeyName = string;

/** Maps Ink's (input, key) pair to one key name; undefined for keys the app has no use for. */
export function keyNameOf(input: string, key: Key): KeyName | undefined {
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl) return input ? `ctrl+${input}` : undefined;
	if (input === ' ') return 'space';
	return input.length > 0 ? input : undefined;
}

/**
 * The keys in one chunk of input. Ink hands over whatever one read of stdin held, so keys typed
 * faster than the terminal is read (a quick typist over SSH, key repeat, a paste) arrive as one
 * string, "jjj" or "/fold5\r": each character is then a key of its own. Escape sequences (arrows,
 * Shift-Tab) and Ctrl keys always come alone.
 */
export function keyNamesOf(input: string, key: Key): Array<[name: KeyName, input: string]> {
	const characters = [...input];
	if (characters.length <= 1 || key.ctrl || key.meta || key.escape) {
		const name = keyNameOf(input, key);
		return name ? [[name, input]] : [];
	}

	return characters.flatMap((character): Array<[KeyName, string]> => {
		if (character === '\r' || character === '\n') return [['enter', '']];
		if (character === '\t') return [['tab', '']];
		if (character === ' ') return [['space', ' ']];
		return /[\u0000-\u001F\u007F]/.test(character) ? [] : [[character, character]];
	});
}

const display: Record<string, string> = {
	enter: 'Enter', esc: 'Esc', tab: 'Tab', 'shift+tab': 'Shift-Tab', up: '↑', down: '↓', left: '←', right: '→',
	pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', space: 'Space', backspace: 'Backspace',
};

/** How a key is written on screen and in the README. */
export function displayKey(name: KeyName): string {
	if (name.startsWith('ctrl+')) {
		return `Ctrl-${name.slice(5).toUpperCase()}`;
	}

	return display[name] ?? name;
}

const sequences: Record<string, string> = {
	enter: '\r', esc: '\u001B', tab: '\t', 'shift+tab': '\u001B[Z', up: '\u001B[A', down: '\u001B[B',
	right: '\u001B[C', left: '\u001B[D', pageup: '\u001B[5~', pagedown: '\u001B[6~', home: '\u001B[H', end: '\u001B[F',
	space: ' ', backspace: '\u007F',
};

/** The bytes a terminal sends for a key; tests type through this. */
export function keySequence(name: KeyName): string {
	if (name.startsWith('ctrl+')) {
		return String.fromCodePoint(name.codePointAt(5)! - 96);
	}

	return sequences[name] ?? name;
}
