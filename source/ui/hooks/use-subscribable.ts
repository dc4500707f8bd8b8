import {useSyncExternalStore} from 'react';
import type {Subscribable} from '../services.js';

/** The current snapshot of a core object; re-renders when it publishes a new one. */
export function useSubscribable<T>(source: Subscribable<T>): T {
	return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
