import {Text} from 'ink';
import type {Settings} from '../../core/store/settings-types.js';
import {PaneFrame} from '../components/pane-frame.js';
import {RowText} from '../components/row-text.js';
import {truncate, truncateStart} from '../format.js';
import {protocolMemoryHeading, protocolMemoryRows, protocolMemoryText} from '../model/protocol-memory-rows.js';
import {settingFields} from '../model/settings-fields.js';
import {useTheme} from '../theme/theme-context.js';

export type SettingsOverlayProps = {
	width: number;
	height: number;
	settings: Readonly<Settings>;
	model?: string;
	cursor: number;
	editing: boolean;
	editText: string;
	/** The last save's problem, shown under the field. */
	problem?: string;
	recoveredFrom?: string;
};

/** The editable settings, then (read-only) which protocol variant worked last for each stored model. */
export function SettingsOverlay({width, height, settings, model, cursor, editing, editText, problem, recoveredFrom}: SettingsOverlayProps) {
	const theme = useTheme();
	const inner = width - 2;
	const memory = protocolMemoryRows(settings, model);
	// Borders, fields, the optional lines above and the heading with its blank line come first.
	const room = Math.max(0, height - 2 - settingFields.length - (recoveredFrom ? 1 : 0) - (problem ? 1 : 0) - 2);
	const shown = memory.length > room ? memory.slice(0, Math.max(0, room - 1)) : memory;
	return (
		<PaneFrame title={`Settings${model ? ` · ${model}` : ''}`} width={width} height={height} focused>
			{recoveredFrom && <Text wrap="truncate" color={theme.warning}>{truncate(`! The settings file was damaged; a copy is kept at ${recoveredFrom}`, inner)}</Text>}
			{settingFields.map((field, index) => {
				const selected = index === cursor;
				const label = `${field.label.padEnd(40)} `;
				// While typing, a value longer than its room shows its end, where the typing happens (the row's marker takes 2).
				const value = selected && editing ? `${truncateStart(editText, inner - 2 - label.length - 1)}▏` : field.display(settings, model);
				return (
					<RowText key={field.id} text={`${label}${value}`} width={inner} selected={selected} active/>
				);
			})}
			{problem && <Text wrap="truncate" color={theme.danger}>{truncate(`✗ ${problem}`, inner)}</Text>}
			{room > 0 && memory.length > 0 && (
				<>
					<Text> </Text>
					<Text wrap="truncate" color={theme.heading}>{truncate(protocolMemoryHeading(settings), inner)}</Text>
					{shown.map(row => <Text key={row.model} wrap="truncate">{truncate(`  ${protocolMemoryText(row)}`, inner)}</Text>)}
					{shown.length < memory.length && <Text color={theme.muted}>{`  … ${memory.length - shown.length} more`}</Text>}
				</>
			)}
		</PaneFrame>
	);
}
