import {Text} from 'ink';
import {truncate} from '../format.js';
import {useTheme} from '../theme/theme-context.js';

export type RowTextProps = {
	text: string;
	width: number;
	/** The cursor row: marked with › and, where the theme has it, inverse. */
	selected?: boolean;
	/** Whether the pane has focus (the inverse highlight is only for the focused pane). */
	active?: boolean;
	color?: string;
	dim?: boolean;
};

/** One list row, cut to width, with a cursor marker that reads without colour. */
export function RowText({text, width, selected, active, color, dim}: RowTextProps) {
	const theme = useTheme();
	const line = truncate(`${selected ? '›' : ' '} ${text}`, width).padEnd(width);
	return (
		<Text wrap="truncate" color={color} dimColor={dim} inverse={Boolean(selected && active && theme.selection.inverse)}>{line}</Text>
	);
}
