import {useCallback, useEffect, useRef, useState} from 'react';
import type {Explanation} from '../../core/explain/types.js';
import type {AppServices, BuildRecord} from '../services.js';

export type HistoryView = {
	model: string;
	csc: string;
	status: 'loading' | 'ok' | 'failed';
	builds: readonly BuildRecord[];
	error?: Explanation;
};

/** Loads a region's build history for the overlay; closing or reopening aborts the previous load. */
export function useHistory(services: Pick<AppServices, 'history' | 'explain'>) {
	const [view, setView] = useState<HistoryView | undefined>();
	const controller = useRef<AbortController | undefined>(undefined);

	useEffect(() => () => controller.current?.abort(), []);

	const open = useCallback((model: string, csc: string) => {
		controller.current?.abort();
		const own = new AbortController();
		controller.current = own;
		setView({model, csc, status: 'loading', builds: []});
		services.history(model, csc, own.signal).then(
			builds => {
				if (!own.signal.aborted) setView({model, csc, status: 'ok', builds});
			},
			(error: unknown) => {
				if (!own.signal.aborted) setView({model, csc, status: 'failed', builds: [], error: services.explain(error)});
			},
		);
	}, [services]);

	const close = useCallback(() => {
		controller.current?.abort();
		setView(undefined);
	}, []);

	return {view, open, close};
}
