import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import type {PropsWithChildren} from 'react';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {truncate} from '../format.js';
import type {PaneBox} from '../layout.js';
import type {CompareRow} from '../model/compare-rows.js';
import {useTheme} from '../theme/theme-context.js';

export type ComparePaneProps = {
	box: PaneBox;
	focused: boolean;
	model?: string;
	rows: readonly CompareRow[];
	cursor: number;
};

// Declared with `type`: the table wants an index-signature shape.
type TableRow = {' ': string; CSC: string; Country: string; PDA: string; Built: string; Android: string; Behind: string};
type ColumnKey = keyof TableRow;

/**
 * The columns that fit: the marker, CSC, PDA, build month and how far behind always; Android
 * and then the country (cut to the room left) when there is space. Each column is its widest
 * value plus one space each side, and one separator per column plus one.
 */
export function fitColumns(data: readonly TableRow[], width: number): {keys: ColumnKey[]; countryWidth: number} {
	const widthOf = (key: ColumnKey) => Math.max(key.length, ...data.map(row => row[key].length)) + 2;
	const total = (keys: readonly ColumnKey[]) => keys.reduce((sum, key) => sum + widthOf(key), 0) + keys.length + 1;
	const keys: ColumnKey[] = [' ', 'CSC', 'PDA', 'Built', 'Behind'];
	if (total([...keys, 'Android']) <= width) keys.splice(4, 0, 'Android');
	const room = width - total(keys) - 1 - 2;
	if (room >= 'Country'.length) {
		keys.splice(2, 0, 'Country');
		return {keys, countryWidth: Math.min(16, room)};
	}

	return {keys, countryWidth: 0};
}

export function compareTitle(model: string | undefined, rows: readonly CompareRow[]): string {
	const loading = rows.filter(row => row.state === 'loading').length;
	return `3 Compare${model ? ` ${model}` : ''} [${rows.length}]${loading > 0 ? ` · ${loading} loading` : ''}`;
}

/**
 * Latest build per region. The newest carries "★ newest" (a marker, not only a colour); loading
 * and failed regions keep their row.
 */
export function ComparePane({box, focused, model, rows, cursor}: ComparePaneProps) {
	const theme = useTheme();
	const inner = {width: box.width - 2, height: box.height - 2};
	// The table draws a heading line plus one line per row (horizontal rules are hidden).
	const visible = Math.max(1, inner.height - 1);
	const start = windowStart(cursor, rows.length, visible);
	const data: TableRow[] = rows.slice(start, start + visible).map((row, index) => ({
		' ': start + index === cursor ? '›' : ' ',
		CSC: row.csc,
		Country: row.country,
		PDA: row.pda,
		Built: truncate(row.built, 18),
		Android: row.android,
		Behind: row.newest ? '★ newest' : row.behind,
	}));
	const columns = fitColumns(data, inner.width);
	const countryWidth = columns.countryWidth;
	const shown = data.map(row => ({...row, Country: truncate(row.Country, countryWidth)}));

	const Cell = ({children}: PropsWithChildren) => {
		const text = String(children);
		const color = text.includes('★') ? theme.newest : text.includes('✗') ? theme.danger : text.includes('loading') ? theme.muted : undefined;
		return <Text color={color} bold={text.includes('★')}>{text}</Text>;
	};

	const Header = ({children}: PropsWithChildren) => <Text bold color={theme.heading}>{children}</Text>;

	return (
		<PaneFrame title={compareTitle(model, rows)} width={box.width} height={box.height} focused={focused} collapsed={box.collapsed}>
			{rows.length === 0
				? <Text color={theme.muted}>{model ? 'Mark regions (Space) and press c to compare' : 'Choose a model, then press c'}</Text>
				: (
					<Box flexDirection="column" width={inner.width} overflow="hidden">
						<Table data={shown} columns={columns.keys} cell={Cell} header={Header} skeleton={Skeleton}/>
					</Box>
				)}
		</PaneFrame>
	);
}

/** Keeps the column separators and drops the table's horizontal rules, so each row is one line. */
function Skeleton({children}: PropsWithChildren) {
	const text = String(children);
	return /^[─┌┐└┘├┤┬┴┼]+$/.test(text) ? <></> : <Text>{text}</Text>;
}
