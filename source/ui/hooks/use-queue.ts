import {useMemo, useSyncExternalStore} from 'react';
import {coalesce} from '../coalesce.js';
import type {QueueService, QueueSnapshot} from '../services.js';

/** Queue updates reach the screen at most four times a second. */
export const queueFrameIntervalMs = 250;

export function useQueue(queue: QueueService, intervalMs = queueFrameIntervalMs): QueueSnapshot {
	const view = useMemo(() => coalesce(queue, intervalMs), [queue, intervalMs]);
	return useSyncExternalStore(view.subscribe, view.getSnapshot);
}
