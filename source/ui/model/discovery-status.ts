import {formatAge} from '../format.js';
import {knownRegions, type DiscoveryView} from './discovery-view.js';

/**
 * The Regions pane's status line: where discovery stands ("probing 120/663 · 9 with firmware"),
 * or what it found and how old that is ("9 of 663 CSCs carry firmware · discovered 3 h ago").
 * A narrow pane gets the short form, so the age still shows.
 */
export function discoveryStatus(view: DiscoveryView | undefined, now: number, width = Number.POSITIVE_INFINITY): string {
	if (!view) return '';
	const [long, short] = forms(view, now);
	return long.length <= width ? long : short;
}

function forms(view: DiscoveryView, now: number): [long: string, short: string] {
	const known = [...knownRegions(view).values()];
	const withFirmware = known.filter(region => region.state === 'ok').length;
	const failed = known.filter(region => region.state === 'failed').length;
	const age = view.result ? formatAge(now - view.result.discoveredAt) : 'just now';
	// While probing again (or after a failed run) the rows are the last run's: say how old they are.
	const older = view.result ? ` · last run ${age}` : '';
	switch (view.status) {
		case 'reading': return ['reading the region cache…', 'reading cache…'];
		case 'probing': {
			const {done = 0, total = 0} = view.progress ?? {};
			const count = `${done}/${total || '…'}`;
			return [`probing ${count} · ${withFirmware} with firmware${older}`, `probing ${count} · ${withFirmware} found`];
		}

		case 'failed': {
			const title = view.error?.title ?? 'unknown error';
			return [`discovery failed: ${title} (r retries)${older}`, `failed: ${title}`];
		}

		case 'done': {
			const stale = view.result?.stale ? ' (stale)' : '';
			const failures = failed > 0 ? ` · ${failed} failed (r retries)` : '';
			return [
				`${withFirmware} of ${known.length} CSCs carry firmware · discovered ${age}${stale}${failures}`,
				`${withFirmware}/${known.length} with firmware · ${age}${stale}${failed > 0 ? ` · ${failed} failed` : ''}`,
			];
		}
	}
}
