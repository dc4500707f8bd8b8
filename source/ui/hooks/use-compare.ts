import {useCallback, useEffect, useRef, useState} from 'react';
import type {AppServices, CompareResult} from '../services.js';

export type CompareRun = {model: string; cscs: readonly string[]; results: readonly CompareResult[]};

/** Runs a comparison and keeps its rows: every CSC starts as loading and is replaced as answers stream in. */
export function useCompare(services: Pick<AppServices, 'compare' | 'explain'>) {
	const [run, setRun] = useState<CompareRun | undefined>();
	const controller = useRef<AbortController | undefined>(undefined);

	useEffect(() => () => controller.current?.abort(), []);

	const start = useCallback((model: string, cscs: readonly string[]) => {
		controller.current?.abort();
		const own = new AbortController();
		controller.current = own;
		setRun({model, cscs, results: cscs.map(csc => ({csc, state: 'loading'}))});
		const put = (update: (results: readonly CompareResult[]) => readonly CompareResult[]) => {
			if (!own.signal.aborted) {
				setRun(current => (current ? {...current, results: update(current.results)} : current));
			}
		};

		void (async () => {
			try {
				for await (const result of services.compare(model, cscs, own.signal)) {
					put(results => results.map(row => (row.csc === result.csc ? result : row)));
				}
			} catch (error) {
				const explanation = services.explain(error);
				put(results => results.map(row => (row.state === 'loading' ? {csc: row.csc, state: 'failed', error: explanation} : row)));
			}
		})();
	}, [services]);

	return {run, start};
}
