import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {truncate} from '../format.js';
import {commands, paneIds, type Command, type KeyContext, type Scope} from '../keys.js';
import {keysText, scopeOrder, scopeTitle} from '../key-reference.js';
import {useTheme} from '../theme/theme-context.js';

export type HelpOverlayProps = {width: number; height: number; context: KeyContext; scroll: number};

/**
 * Every key, from the key table, grouped by where it works; a key of the focused pane (or of every
 * pane) that cannot run now says why. Another pane's keys get no such note: the context (the row
 * under the cursor) is the focused pane's, and the section title already says where they work.
 */
export function helpLines(context: KeyContext): string[] {
	const lines: string[] = [];
	const judged = (scope: Scope) => scope === context.focus || !(paneIds as readonly Scope[]).includes(scope);
	for (const scope of scopeOrder) {
		const inScope = (commands as readonly Command[]).filter(command => command.scope === scope);
		if (inScope.length === 0) continue;
		lines.push(`${scopeTitle(scope)}:`);
		for (const command of inScope) {
			const reason = judged(scope) ? command.disabledReason?.(context) : undefined;
			lines.push(`  ${keysText(command).padEnd(16)} ${command.help}`);
			if (reason) lines.push(`  ${''.padEnd(16)} (not now: ${reason})`);
		}
	}

	return lines;
}

export function HelpOverlay({width, height, context, scroll}: HelpOverlayProps) {
	const theme = useTheme();
	const lines = helpLines(context);
	const visible = Math.max(1, height - 2);
	const start = Math.min(scroll, Math.max(0, lines.length - visible));
	return (
		<PaneFrame title={`Help — keys [${start + 1}-${Math.min(lines.length, start + visible)}/${lines.length}]`} width={width} height={height} focused>
			{lines.slice(start, start + visible).map((line, index) => (
				<Text key={`${start + index}`} wrap="truncate" bold={!line.startsWith(' ')} color={line.startsWith(' ') ? undefined : theme.heading}>
					{truncate(line, width - 2)}
				</Text>
			))}
		</PaneFrame>
	);
}
