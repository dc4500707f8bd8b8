import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {RowText} from '../components/row-text.js';
import {truncate} from '../format.js';
import type {HistoryView} from '../hooks/use-history.js';
import {useTheme} from '../theme/theme-context.js';

export type HistoryOverlayProps = {width: number; height: number; view: HistoryView; cursor: number};

/** Known builds of a region, newest first; ● marks the one FUS serves now. */
export function HistoryOverlay({width, height, view, cursor}: HistoryOverlayProps) {
	const theme = useTheme();
	const inner = {width: width - 2, height: height - 2};
	const title = `History ${view.model}/${view.csc}${view.status === 'ok' ? ` [${view.builds.length}]` : ''}`;
	const start = windowStart(cursor, view.builds.length, inner.height);
	return (
		<PaneFrame title={title} width={width} height={height} focused>
			{view.status === 'loading' && <Text color={theme.muted}>Loading the build history…</Text>}
			{view.status === 'failed' && view.error && [
				`✗ ${view.error.title}`,
				`cause: ${view.error.cause}`,
				`fix: ${view.error.fix}`,
			].map(line => <Text key={line} wrap="truncate" color={line.startsWith('✗') ? theme.danger : undefined}>{truncate(line, inner.width)}</Text>)}
			{view.status === 'ok' && view.builds.length === 0 && <Text color={theme.muted}>No builds known for this region</Text>}
			{view.builds.slice(start, start + inner.height).map((build, index) => (
				<RowText
					key={build.version}
					text={`${build.served ? '●' : ' '} ${build.pda.padEnd(16)} ${(build.date ?? '').padEnd(10)} ${build.android ? `Android ${build.android}` : ''}${build.served ? '  served now' : ''}${build.beta ? '  beta' : ''}`}
					width={inner.width}
					selected={start + index === cursor}
					active
				/>
			))}
		</PaneFrame>
	);
}
