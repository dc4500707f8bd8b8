import {Box, Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {RowText} from '../components/row-text.js';
import type {PaneBox} from '../layout.js';
import {errorAction} from '../model/error-actions.js';
import type {ErrorGroup} from '../model/error-groups.js';
import {useTheme} from '../theme/theme-context.js';

export type ErrorsPaneProps = {
	box: PaneBox;
	focused: boolean;
	groups: readonly ErrorGroup[];
	cursor: number;
};

export function errorsTitle(groups: readonly ErrorGroup[]): string {
	const latest = groups[0];
	return `5 Errors [${groups.length}]${latest ? ` · ${latest.entry.explanation.title}` : ''}`;
}

function headline(group: ErrorGroup): string {
	const {entry, count} = group;
	const where = entry.model ? ` (${entry.model}${entry.csc ? `/${entry.csc}` : ''})` : '';
	return `✗ ${entry.explanation.title}${count > 1 ? ` ×${count}` : ''}${where}`;
}

/**
 * Explained errors, newest first, repeats collapsed (×N). The row under the cursor opens into
 * its cause, fix and the key that acts on it.
 */
export function ErrorsPane({box, focused, groups, cursor}: ErrorsPaneProps) {
	const theme = useTheme();
	const inner = {width: box.width - 2, height: box.height - 2};
	const selected = groups[cursor];
	const action = selected ? errorAction(selected.entry) : undefined;
	const details = selected
		? [
			`cause: ${selected.entry.explanation.cause}`,
			`fix: ${selected.entry.explanation.fix}`,
			...(action ? [`→ Enter: ${action.label}`] : []),
		]
		: [];
	// The list keeps at least one row; the details of the row under the cursor wrap below it.
	const listHeight = Math.max(1, Math.min(groups.length, inner.height - details.length));
	const start = windowStart(cursor, groups.length, listHeight);
	return (
		<PaneFrame title={errorsTitle(groups)} width={box.width} height={box.height} focused={focused} collapsed={box.collapsed}>
			{groups.length === 0 && <Text color={theme.muted}>No errors</Text>}
			<Box flexDirection="column" height={groups.length > 0 ? listHeight : 0} overflow="hidden">
				{groups.slice(start, start + listHeight).map((group, index) => (
					<RowText
						key={group.entry.id}
						text={headline(group)}
						width={inner.width}
						selected={start + index === cursor}
						active={focused}
						color={theme.danger}
					/>
				))}
			</Box>
			<Box flexDirection="column" paddingLeft={4} width={inner.width} height={Math.max(0, inner.height - listHeight)} overflow="hidden">
				{/* Lines keep their wrapped height (no shrinking) so the box clips the last ones instead of drawing them over each other. */}
				{details.map(line => (
					<Box key={line} flexShrink={0}>
						<Text wrap="wrap" color={line.startsWith('→') ? theme.accent : undefined}>{line}</Text>
					</Box>
				))}
			</Box>
		</PaneFrame>
	);
}
