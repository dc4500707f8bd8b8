import type {JobView} from '../core/queue/types.js';
import {formatBytes, formatEta, formatSpeed, percent} from '../ui/format.js';

/** One line for a terminal: " 42% 1.2 GB / 2.9 GB  48 MB/s  ETA 35s  4 conn". The pane uses the same formatting. */
export function progressLine(job: JobView): string {
	return `${String(percent(job.bytesDone, job.bytesTotal) ?? 0).padStart(3)}% ${formatBytes(job.bytesDone)} / ${formatBytes(job.bytesTotal)}  ${formatSpeed(job.bytesPerSecond)}  ETA ${formatEta(job.etaSeconds)}  ${job.connections} conn`;
}
