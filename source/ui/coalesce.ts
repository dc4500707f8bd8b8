import type {Subscribable} from './services.js';

export type Timers = {
	now(): number;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
	now: () => Date.now(),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * A view of a subscribable that tells its listeners at most once per `intervalMs`: the first
 * change after a quiet spell passes at once, later ones within the interval fold into one
 * trailing update carrying the newest snapshot. Keeps rendering cheap while bytes move.
 */
export function coalesce<T>(source: Subscribable<T>, intervalMs: number, timers: Timers = realTimers): Subscribable<T> {
	const listeners = new Set<() => void>();
	let published = source.getSnapshot();
	let lastPublish = Number.NEGATIVE_INFINITY;
	let timer: unknown;
	let unsubscribeSource: (() => void) | undefined;

	const publish = () => {
		timer = undefined;
		lastPublish = timers.now();
		const next = source.getSnapshot();
		if (next === published) return;
		published = next;
		for (const listener of listeners) listener();
	};

	const onChange = () => {
		if (timer !== undefined) return;
		const wait = lastPublish + intervalMs - timers.now();
		if (wait <= 0) publish();
		else timer = timers.setTimeout(publish, wait);
	};

	return {
		getSnapshot: () => published,
		subscribe(listener) {
			listeners.add(listener);
			if (!unsubscribeSource) {
				unsubscribeSource = source.subscribe(onChange);
				published = source.getSnapshot();
			}

			return () => {
				listeners.delete(listener);
				if (listeners.size === 0 && unsubscribeSource) {
					unsubscribeSource();
					unsubscribeSource = undefined;
					if (timer !== undefined) timers.clearTimeout(timer);
					timer = undefined;
				}
			};
		},
	};
}
