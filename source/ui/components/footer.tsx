import {Text} from 'ink';
import {fitFooter} from '../footer-items.js';
import {useTheme} from '../theme/theme-context.js';

export type FooterProps = {
	width: number;
	/** A question (y/N), a text field's prompt, or a one-off message: replaces the key list. */
	mode?: string;
	items: readonly string[];
};

/** The last line: the keys that work now, or the mode that replaces them. */
export function Footer({width, mode, items}: FooterProps) {
	const theme = useTheme();
	if (mode) {
		return <Text bold wrap="truncate" color={theme.warning}>{fitFooter([mode, ...items], width)}</Text>;
	}

	return <Text wrap="truncate" color={theme.muted}>{fitFooter(items, width)}</Text>;
}
