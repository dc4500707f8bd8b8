import {test} from 'node:test';
import assert from 'node:assert/strict';
import {coalesce, type Timers} from '../../source/ui/coalesce.js';

function source() {
	let value = 0;
	const listeners = new Set<() => void>();
	return {
		getSnapshot: () => value,
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(next: number) {
			value = next;
			for (const listener of listeners) listener();
		},
		listeners,
	};
}

function fakeTimers() {
	let now = 0;
	const pending: Array<{at: number; run: () => void}> = [];
	const timers: Timers = {
		now: () => now,
		setTimeout(run, ms) {
			const entry = {at: now + ms, run};
			pending.push(entry);
			return entry;
		},
		clearTimeout(handle) {
			pending.splice(pending.indexOf(handle as never), 1);
		},
	};
	const advance = (ms: number) => {
		now += ms;
		for (const entry of pending.filter(e => e.at <= now)) {
			pending.splice(pending.indexOf(entry), 1);
			entry.run();
		}
	};

	return {timers, advance, pending};
}

test('a burst of changes reaches listeners at most once per interval, ending on the newest value', () => {
	const {timers, advance} = fakeTimers();
	const upstream = source();
	const view = coalesce(upstream, 250, timers);
	const seen: number[] = [];
	view.subscribe(() => seen.push(view.getSnapshot()));
	for (let i = 1; i <= 100; i++) {
		upstream.set(i);
		if (i % 10 === 0) advance(10); // 100 changes over 100 ms
	}

	assert.deepEqual(seen, [1]);
	advance(150);
	assert.deepEqual(seen, [1, 100]);
	upstream.set(101);
	assert.deepEqual(seen, [1, 100], 'still inside the interval after the trailing update');
	advance(250);
	assert.deepEqual(seen, [1, 100, 101]);
});

test('the first change after a quiet spell passes at once', () => {
	const {timers, advance} = fakeTimers();
	const upstream = source();
	const view = coalesce(upstream, 250, timers);
	const seen: number[] = [];
	view.subscribe(() => seen.push(view.getSnapshot()));
	upstream.set(1);
	advance(1000);
	upstream.set(2);
	assert.deepEqual(seen, [1, 2]);
});

test('the last unsubscribe detaches from the source and drops a pending update', () => {
	const {timers, pending} = fakeTimers();
	const upstream = source();
	const view = coalesce(upstream, 250, timers);
	const unsubscribe = view.subscribe(() => {});
	upstream.set(1);
	upstream.set(2);
	assert.equal(pending.length, 1);
	unsubscribe();
	assert.equal(upstream.listeners.size, 0);
	assert.equal(pending.length, 0);
});
