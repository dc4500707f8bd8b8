import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {truncate} from '../format.js';
import {commands, type Command, type KeyContext} from '../keys.js';
import {keysText, scopeOrder, scopeTitle} from '../key-reference.js';
import {useTheme} from '../theme/theme-context.js';

export type HelpOverlayProps = {width: number; height: number; context: KeyContext; scroll: number};

/** Every key, from the key table, grouped by where it works; a key that cannot run now says why. */
export function helpLines(context: KeyContext): string[] {
	const lines: string[] = [];
	for (const scope of scopeOrder) {
		const inScope = (commands as readonly Command[]).filter(command => command.scope === scope);
		if (inScope.length === 0) continue;
		lines.push(`${scopeTitle(scope)}:`);
		for (const command of inScope) {
			const reason = command.disabledReason?.(context);
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
