import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {useTheme} from '../theme/theme-context.js';

export type PaneFrameProps = {
	title: string;
	width: number;
	height: number;
	focused: boolean;
	/** One title line only (stacked layout, unfocused pane). */
	collapsed?: boolean;
	children?: ReactNode;
};

/**
 * A bordered pane whose top edge carries the title. Focus shows without colour: a double border
 * and a ▶ before the title; the theme's accent adds colour on top.
 */
export function PaneFrame({title, width, height, focused, collapsed, children}: PaneFrameProps) {
	const theme = useTheme();
	const label = focused ? `▶ ${title}` : title;
	if (collapsed) {
		return (
			<Text color={theme.muted} wrap="truncate">{edgeLine(`─ ${label} `, '─', '─', '─', width)}</Text>
		);
	}

	const [left, fill, right] = focused ? ['╔', '═', '╗'] : ['┌', '─', '┐'];
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text color={focused ? theme.accent : undefined} bold={focused} wrap="truncate">{edgeLine(`${fill} ${label} `, left, fill, right, width)}</Text>
			<Box
				flexDirection="column"
				width={width}
				height={Math.max(0, height - 1)}
				borderStyle={focused ? 'double' : 'single'}
				borderTop={false}
				borderColor={focused ? theme.accent : undefined}
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}

/** left + label + fill… + right, exactly `width` columns (the label is cut when it does not fit). */
export function edgeLine(label: string, left: string, fill: string, right: string, width: number): string {
	if (width < 2) return fill.repeat(Math.max(0, width));
	const room = width - 2;
	const text = label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label;
	return left + text + fill.repeat(room - text.length) + right;
}
