import type {CompareResult, Csc} from '../services.js';

export type CompareRow = {
	csc: string;
	country: string;
	state: CompareResult['state'];
	pda: string;
	/** "2025-11", or what stands in for it while loading or after a failure. */
	built: string;
	android: string;
	/** "newest", "2 mo", "older build", or empty. */
	behind: string;
	newest: boolean;
	result: CompareResult;
};

const monthIndex = (r: CompareResult) => (r.buildYear !== undefined && r.buildMonth !== undefined ? r.buildYear * 12 + r.buildMonth - 1 : undefined);

/**
 * Table rows for the comparison, in the order asked. The newest build (latest year-month, then
 * the highest PDA) is flagged; others say how many months behind they are, or "older build"
 * within the same month.
 */
export function compareRows(results: readonly CompareResult[], cscs: readonly Csc[]): CompareRow[] {
	const ok = results.filter(r => r.state === 'ok' && monthIndex(r) !== undefined);
	const newest = ok.reduce<CompareResult | undefined>((best, r) => {
		if (!best) return r;
		const delta = monthIndex(r)! - monthIndex(best)!;
		return delta > 0 || (delta === 0 && (r.pda ?? '').slice(-4) > (best.pda ?? '').slice(-4)) ? r : best;
	}, undefined);
	const newestMonth = newest ? monthIndex(newest)! : undefined;

	return results.map(result => {
		const country = cscs.find(csc => csc.csc === result.csc)?.country ?? '';
		const base = {csc: result.csc, country, state: result.state, result};
		switch (result.state) {
			case 'loading': {
				return {...base, pda: '…', built: 'loading', android: '', behind: '', newest: false};
			}

			case 'none': {
				return {...base, pda: '—', built: 'no firmware', android: '', behind: '', newest: false};
			}

			case 'failed': {
				return {...base, pda: '✗ failed', built: result.error?.title ?? 'failed', android: '', behind: '', newest: false};
			}

			case 'ok': {
				const month = monthIndex(result);
				const isNewest = newest !== undefined && result.pda === newest.pda && month === newestMonth;
				let behind = '';
				if (isNewest) behind = 'newest';
				else if (month !== undefined && newestMonth !== undefined) behind = month < newestMonth ? `${newestMonth - month} mo` : 'older build';
				return {
					...base,
					pda: result.pda ?? result.version?.split('/')[0] ?? '?',
					built: month === undefined ? '?' : `${result.buildYear!}-${String(result.buildMonth!).padStart(2, '0')}`,
					android: result.android ?? '',
					behind,
					newest: isNewest,
				};
			}
		}
	});
}
