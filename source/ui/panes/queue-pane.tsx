import {Text} from 'ink';
import {PaneFrame} from '../components/pane-frame.js';
import {windowStart} from '../components/list-window.js';
import {RowText} from '../components/row-text.js';
import {formatBytes, formatEta, formatSpeed, percent, progressBar, truncateStart} from '../format.js';
import type {PaneBox} from '../layout.js';
import type {Job, QueueSnapshot} from '../services.js';
import {useTheme} from '../theme/theme-context.js';

export type QueuePaneProps = {
	box: PaneBox;
	focused: boolean;
	snapshot: QueueSnapshot;
	cursor: number;
};

export function queueTitle(snapshot: QueueSnapshot): string {
	const {totals} = snapshot;
	const speed = totals.speed > 0 ? ` · ${formatSpeed(totals.speed)}` : '';
	return `4 Queue [${snapshot.jobs.length}] · ${totals.active} active · ${totals.done} done${totals.failed > 0 ? ` · ${totals.failed} failed` : ''}${speed}`;
}

const minimumPathColumns = 24;

/**
 * One line per job: state, name, bar, %, speed, ETA, connections while downloading; the error's
 * title when failed; what was verified and where the file is when done.
 */
export function jobLine(job: Job, width: number): string {
	const name = `${job.model}/${job.csc}`;
	const head = `${job.state.padEnd(11)} ${name.padEnd(13)}`;
	if (job.state === 'failed' && job.error) {
		return `${head} ✗ ${job.error.title}`;
	}

	if (job.state === 'done' && job.file) {
		const {path, bytes, members} = job.file;
		const facts = [job.version?.split('/')[0], formatBytes(bytes), `${members} MD5 ok`].filter(Boolean).join(' · ');
		// The path's end tells files apart; on a narrow pane it keeps its room and the facts go.
		// Two columns go to the row's cursor mark.
		const room = width - 2;
		const full = `${head} ✓ ${facts} → `;
		const prefix = room - full.length >= minimumPathColumns ? full : `${head} ✓ `;
		return prefix + truncateStart(path, room - prefix.length);
	}

	const pct = percent(job.bytesDone, job.bytesTotal);
	const connections = width >= 70 && job.state === 'downloading' ? ` ×${job.connections}` : '';
	const tail = ` ${pct === undefined ? '  ?' : String(pct).padStart(3)}% ${formatSpeed(job.speed).padStart(9)} ${formatEta(job.eta).padStart(6)}${connections}`;
	const barWidth = Math.max(6, Math.min(30, width - 2 - head.length - tail.length - 1));
	return `${head} ${progressBar(job.bytesDone, job.bytesTotal, barWidth)}${tail}`;
}

export function QueuePane({box, focused, snapshot, cursor}: QueuePaneProps) {
	const theme = useTheme();
	const inner = {width: box.width - 2, height: box.height - 2};
	const {jobs} = snapshot;
	const start = windowStart(cursor, jobs.length, inner.height);
	const colour = (job: Job) => (job.state === 'failed' ? theme.danger : job.state === 'done' ? theme.success : job.state === 'paused' ? theme.warning : undefined);
	return (
		<PaneFrame title={queueTitle(snapshot)} width={box.width} height={box.height} focused={focused} collapsed={box.collapsed}>
			{jobs.length === 0 && <Text color={theme.muted}>Nothing queued: press d on a region to download its latest build</Text>}
			{jobs.slice(start, start + inner.height).map((job, index) => (
				<RowText
					key={job.id}
					text={jobLine(job, inner.width)}
					width={inner.width}
					selected={start + index === cursor}
					active={focused}
					color={colour(job)}
				/>
			))}
		</PaneFrame>
	);
}
