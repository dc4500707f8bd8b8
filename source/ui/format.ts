/** Text formatting for rows: sizes, speeds, times, progress bars. Pure, no colour. */
const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
	let value = Math.max(0, bytes);
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}

	return `${unit === 0 ? value.toFixed(0) : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatSpeed(bytesPerSecond: number): string {
	return bytesPerSecond > 0 ? `${formatBytes(bytesPerSecond)}/s` : '—';
}

export function formatEta(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
		return '—';
	}

	const s = Math.round(seconds);
	if (s < 60) return `${s}s`;
	if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
	return `${Math.floor(s / 3600)}h${String(Math.floor(s % 3600 / 60)).padStart(2, '0')}m`;
}

/** Whole percent, floored so 100 % means done; undefined while the size is unknown. */
export function percent(done: number, total: number | undefined): number | undefined {
	if (!total || total <= 0) {
		return undefined;
	}

	return Math.min(100, Math.floor(done / total * 100));
}

/** A text bar that reads without colour: [#####-----]. */
export function progressBar(done: number, total: number | undefined, width: number): string {
	const inner = Math.max(1, width - 2);
	if (!total) {
		return `[${'·'.repeat(inner)}]`;
	}

	const filled = Math.min(inner, Math.floor(done / total * inner));
	return `[${'#'.repeat(filled)}${'-'.repeat(inner - filled)}]`;
}

/** Cuts text to `width` columns with an ellipsis. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Cuts text to `width` columns from the left: the end of a path is the part that tells files apart. */
export function truncateStart(text: string, width: number): string {
	if (width <= 0) return '';
	return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

/** How long ago, in the largest unit that reads naturally: "just now", "12 min ago", "3 h ago", "2 d ago". */
export function formatAge(milliseconds: number): string {
	const minutes = Math.floor(Math.max(0, milliseconds) / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`;
}
