import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {RowText} from '../components/row-text.js';
import type {PaneBox} from '../layout.js';
import type {DeviceRow} from '../model/device-rows.js';
import {useTheme} from '../theme/theme-context.js';

export type DevicesPaneProps = {
	box: PaneBox;
	focused: boolean;
	rows: readonly DeviceRow[];
	cursor: number;
	filter: string;
	selectedModel?: string;
};

export function devicesTitle(count: number, filter: string): string {
	return `1 Devices [${count}]${filter ? ` /${filter}` : ''}`;
}

/** Models with marketing names; ★ favourite, ↺ recently used, ✓ the model in use. */
export function DevicesPane({box, focused, rows, cursor, filter, selectedModel}: DevicesPaneProps) {
	const theme = useTheme();
	const inner = {width: box.width - 2, height: box.height - 2};
	const start = windowStart(cursor, rows.length, inner.height);
	return (
		<PaneFrame title={devicesTitle(rows.length, filter)} width={box.width} height={box.height} focused={focused} collapsed={box.collapsed}>
			{rows.length === 0 && <Text color={theme.muted}>{filter ? `No model matches "${filter}"` : 'No models in the catalog'}</Text>}
			{rows.slice(start, start + inner.height).map((row, index) => {
				const mark = row.favourite ? '★' : row.recent ? '↺' : ' ';
				const chosen = row.model === selectedModel ? ' ✓' : '';
				return (
					<RowText
						key={row.model}
						text={`${mark} ${row.model.padEnd(10)} ${row.name}${chosen}`}
						width={inner.width}
						selected={start + index === cursor}
						active={focused}
					/>
				);
			})}
		</PaneFrame>
	);
}
