import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {RowText} from '../components/row-text.js';
import type {PaneBox} from '../layout.js';
import type {RegionRow} from '../model/region-rows.js';
import {useTheme} from '../theme/theme-context.js';

export type RegionsPaneProps = {
	box: PaneBox;
	focused: boolean;
	model?: string;
	rows: readonly RegionRow[];
	cursor: number;
	filter: string;
	markedCount: number;
};

export function regionsTitle(model: string | undefined, count: number, filter: string, marked: number): string {
	return `2 Regions${model ? ` ${model}` : ''} [${count}]${filter ? ` /${filter}` : ''}${marked > 0 ? ` · ${marked} marked` : ''}`;
}

/** CSCs of the chosen model: [x] marked for comparison, ★ preferred (listed first). */
export function RegionsPane({box, focused, model, rows, cursor, filter, markedCount}: RegionsPaneProps) {
	const theme = useTheme();
	const inner = {width: box.width - 2, height: box.height - 2};
	const start = windowStart(cursor, rows.length, inner.height);
	const empty = model ? `No region matches "${filter}"` : 'Choose a model in Devices (Enter)';
	return (
		<PaneFrame title={regionsTitle(model, rows.length, filter, markedCount)} width={box.width} height={box.height} focused={focused} collapsed={box.collapsed}>
			{rows.length === 0 && <Text color={theme.muted}>{empty}</Text>}
			{rows.slice(start, start + inner.height).map((row, index) => {
				const carrier = row.carrier ? ` · ${row.carrier}` : '';
				return (
					<RowText
						key={row.csc}
						text={`${row.marked ? '[x]' : '[ ]'} ${row.preferred ? '★' : ' '} ${row.csc}  ${row.country}${carrier}`}
						width={inner.width}
						selected={start + index === cursor}
						active={focused}
					/>
				);
			})}
		</PaneFrame>
	);
}
