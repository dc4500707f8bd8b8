import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {RowText} from '../components/row-text.js';
import {truncate} from '../format.js';
import type {PaneBox} from '../layout.js';
import {withoutFirmware, type RegionRow} from '../model/region-rows.js';
import {useTheme} from '../theme/theme-context.js';

export type RegionsPaneProps = {
	box: PaneBox;
	focused: boolean;
	model?: string;
	rows: readonly RegionRow[];
	cursor: number;
	filter: string;
	markedCount: number;
	/** Where region discovery stands, one line (see discoveryStatus). */
	status: string;
	/** CSCs without firmware are listed too. */
	showAll: boolean;
};

export function regionsTitle(model: string | undefined, count: number, filter: string, marked: number, showAll = false): string {
	return `2 Regions${model ? ` ${model}` : ''} [${count}]${filter ? ` /${filter}` : ''}${showAll ? ' · all' : ''}${marked > 0 ? ` · ${marked} marked` : ''}`;
}

/**
 * Wide panes also show the Android version; narrow ones (the grid's left column) drop the country,
 * which would be cut to a letter, so the build stays whole.
 */
export function regionRowText(row: RegionRow, width: number): string {
	const firmware = row.firmware === 'ok'
		? row.latest?.split('/')[0] ?? 'firmware'
		: row.firmware === 'failed' ? 'probe failed' : row.firmware === 'pending' ? '…' : 'no firmware';
	const head = `${row.marked ? '[x]' : '[ ]'} ${row.preferred ? '★' : ' '} ${row.csc}  `;
	if (width < 40) return `${head}${firmware}`;
	const android = width >= 70 ? `${row.android ? `Android ${row.android}` : ''}`.padEnd(12) : '';
	const carrier = row.carrier ? ` · ${row.carrier}` : '';
	return `${head}${firmware.padEnd(14)} ${android}${row.country}${carrier}`;
}

/**
 * CSCs of the chosen model as region discovery found them: latest build per CSC, those without
 * firmware dimmed (and hidden unless all are shown), [x] marked for comparison, ★ preferred
 * (listed first). The first line says where discovery stands and how old its answer is.
 */
export function RegionsPane({box, focused, model, rows, cursor, filter, markedCount, status, showAll}: RegionsPaneProps) {
	const theme = useTheme();
	const inner = {width: box.width - 2, height: box.height - 2};
	const listHeight = Math.max(0, inner.height - (status ? 1 : 0));
	const start = windowStart(cursor, rows.length, listHeight);
	const empty = !model ? 'Choose a model in Devices (Enter)' : filter ? `No region matches "${filter}"` : 'No region with firmware found yet (a shows all)';
	return (
		<PaneFrame title={regionsTitle(model, rows.length, filter, markedCount, showAll)} width={box.width} height={box.height} focused={focused} collapsed={box.collapsed}>
			{status && <Text wrap="truncate" color={theme.muted}>{truncate(status, inner.width)}</Text>}
			{rows.length === 0 && listHeight > 0 && <Text color={theme.muted}>{empty}</Text>}
			{rows.slice(start, start + listHeight).map((row, index) => (
				<RowText
					key={row.csc}
					text={regionRowText(row, inner.width)}
					width={inner.width}
					selected={start + index === cursor}
					active={focused}
					dim={withoutFirmware(row.firmware)}
				/>
			))}
		</PaneFrame>
	);
}
