/**
 * Semantic colour tokens. Components ask for `theme.accent`, never for "cyan". Meaning never
 * rests on colour alone: borders, markers and words carry it too, so the empty theme loses nothing.
 */
export type Theme = {
	name: 'default' | 'no-color';
	/** Focused pane border and title. */
	accent?: string;
	/** Secondary text: hints, counts, collapsed titles. */
	muted?: string;
	/** Selected row highlight. */
	selection: {inverse: boolean};
	success?: string;
	warning?: string;
	danger?: string;
	/** The newest build in the comparison. */
	newest?: string;
	/** Table and section headings. */
	heading?: string;
};

export const defaultTheme: Theme = {
	name: 'default',
	accent: 'cyan',
	muted: 'gray',
	selection: {inverse: true},
	success: 'green',
	warning: 'yellow',
	danger: 'red',
	newest: 'green',
	heading: 'blue',
};

/** Chosen explicitly when NO_COLOR is set, because Ink's colour library does not read it. */
export const noColorTheme: Theme = {
	name: 'no-color',
	selection: {inverse: true},
};

/** NO_COLOR (https://no-color.org): set and not empty selects the colourless theme. */
export function themeFor(env: Record<string, string | undefined>): Theme {
	return env['NO_COLOR'] ? noColorTheme : defaultTheme;
}
