import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {isFusdeckError, FusdeckError, FusError} from '../../source/core/errors.js';
import type {Explanation} from '../../source/core/explain/types.js';
import {SettingsStore} from '../../source/core/store/settings-store.js';
import {
	activeJobStates, type AppServices, type BuildRecord, type CatalogModel, type CompareResult, type Csc, type EnqueueSpec,
	type DiscoveredRegion, type ErrorEntry, type ErrorFeed, type Job, type QueueService, type QueueSnapshot, type RegionDiscovery,
} from '../../source/ui/services.js';

/** A small, fixed catalog: enough models and regions to filter, mark, compare and scroll. */
export const fakeModels: readonly CatalogModel[] = [
	{model: 'SM-S918B', name: 'Galaxy S23 Ultra', altNames: ['dm3q'], year: 2023, category: 'phone'},
	{model: 'SM-S911B', name: 'Galaxy S23', altNames: ['dm1q'], year: 2023, category: 'phone'},
	{model: 'SM-S928B', name: 'Galaxy S24 Ultra', altNames: ['e3q'], year: 2024, category: 'phone'},
	{model: 'SM-A546B', name: 'Galaxy A54 5G', altNames: ['a54x'], year: 2023, category: 'phone'},
	{model: 'SM-A156B', name: 'Galaxy A15 5G', altNames: [], year: 2023, category: 'phone'},
	{model: 'SM-F946B', name: 'Galaxy Z Fold5', altNames: ['q5q'], year: 2023, category: 'foldable'},
	{model: 'SM-G991B', name: 'Galaxy S21 5G', altNames: ['o1s'], year: 2021, category: 'phone'},
	{model: 'SM-X710', name: 'Galaxy Tab S9', altNames: ['gts9wifi'], year: 2023, category: 'tablet'},
];

export const fakeCscs: readonly Csc[] = [
	{csc: 'EUX', country: 'Europe (open)', groups: ['EUX']},
	{csc: 'XEF', country: 'France', iso: 'FR', groups: ['EUX']},
	{csc: 'DBT', country: 'Germany', iso: 'DE', groups: ['EUX']},
	{csc: 'BTU', country: 'United Kingdom', iso: 'GB', groups: ['EUX']},
	{csc: 'ITV', country: 'Italy', iso: 'IT', groups: ['EUX']},
	{csc: 'PHE', country: 'Spain', iso: 'ES', groups: ['EUX']},
	{csc: 'XEO', country: 'Poland', iso: 'PL', groups: ['EUX']},
	{csc: 'SFR', country: 'France', iso: 'FR', carrier: 'SFR', groups: ['EUX']},
	{csc: 'FTM', country: 'France', iso: 'FR', carrier: 'Orange', groups: ['EUX']},
	{csc: 'VD2', country: 'Germany', iso: 'DE', carrier: 'Vodafone', groups: ['EUX']},
	{csc: 'EVR', country: 'United Kingdom', iso: 'GB', carrier: 'EE', groups: ['EUX']},
	{csc: 'TPL', country: 'Poland', iso: 'PL', carrier: 'T-Mobile', groups: ['EUX']},
];

/** Latest builds per CSC: EUX/XEF newest (Nov 2025), DBT a month behind, BTU two, SFR none. */
const latest: Record<string, Omit<CompareResult, 'csc' | 'state'> | 'none'> = {
	EUX: {pda: 'S918BXXS8DYK1', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1', buildYear: 2025, buildMonth: 11, android: '16'},
	XEF: {pda: 'S918BXXS8DYK1', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1', buildYear: 2025, buildMonth: 11, android: '16'},
	DBT: {pda: 'S918BXXS8DYJ2', version: 'S918BXXS8DYJ2/S918BOXM8DYJ2/S918BXXS8DYJ2', buildYear: 2025, buildMonth: 10, android: '16'},
	BTU: {pda: 'S918BXXU8DYI5', version: 'S918BXXU8DYI5/S918BOXM8DYI5/S918BXXU8DYI5', buildYear: 2025, buildMonth: 9, android: '15'},
	SFR: 'none',
};

/** What region discovery finds for a model of the fake catalog: the CSCs of `latest` carry firmware, SFR none, the rest nothing. */
function discovered(csc: string, model: string): DiscoveredRegion {
	const known = latest[csc];
	if (known === undefined) return {csc, state: 'unknown'};
	if (known === 'none') return {csc, state: 'none'};
	return {csc, state: 'ok', latest: known.version!.replaceAll('S918B', model.slice(3)), android: known.android!};
}

/** An older discovery, as a cache would hold it: only EUX and XEF, a month behind. */
function cachedDiscovery(model: string, ageMs: number): RegionDiscovery {
	const old = (csc: string): DiscoveredRegion => ({csc, state: 'ok', latest: 'S918BXXS8DYJ2/S918BOXM8DYJ2/S918BXXS8DYJ2'.replaceAll('S918B', model.slice(3)), android: '16'});
	return {model, discoveredAt: Date.now() - ageMs, stale: ageMs > 6 * 3_600_000, regions: [old('EUX'), old('XEF'), ...fakeCscs.slice(2).map(csc => ({csc: csc.csc, state: 'unknown' as const}))]};
}

export const fakeExplanation = (title: string, action?: Explanation['action']): Explanation => ({
	id: `fake-${title.toLowerCase().replaceAll(' ', '-')}`,
	title,
	meaning: `${title} (meaning)`,
	cause: `${title} (cause)`,
	fix: `${title} (fix)`,
	...(action ? {action} : {}),
});

class FakeQueue implements QueueService {
	readonly calls: string[] = [];
	#jobs: Job[];
	#snapshot: QueueSnapshot;
	#listeners = new Set<() => void>();
	#next = 1;

	constructor(jobs: readonly Job[]) {
		this.#jobs = [...jobs];
		this.#snapshot = this.#build();
	}

	subscribe = (listener: () => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	getSnapshot = () => this.#snapshot;

	enqueue(spec: EnqueueSpec) {
		this.calls.push(`enqueue:${spec.model}/${spec.csc}${spec.version ? `/${spec.version.split('/')[0]!}` : ''}`);
		this.#jobs.push({id: `job-${this.#next++}`, model: spec.model, csc: spec.csc, ...(spec.version ? {version: spec.version} : {}), state: 'queued', bytesDone: 0, speed: 0, connections: 0});
		this.#emit();
	}

	pause(id: string) {
		this.#act('pause', id, {state: 'paused', speed: 0});
	}

	resume(id: string) {
		this.#act('resume', id, {state: 'downloading'});
	}

	cancel(id: string) {
		this.#act('cancel', id, {state: 'cancelled', speed: 0});
	}

	retry(id: string) {
		this.#act('retry', id, {state: 'queued'});
	}

	remove(id: string) {
		this.calls.push(`remove:${id}`);
		this.#jobs = this.#jobs.filter(job => job.id !== id);
		this.#emit();
	}

	/** Test control: change a job as core would while it runs. */
	update(id: string, patch: Partial<Job>) {
		this.#jobs = this.#jobs.map(job => (job.id === id ? {...job, ...patch} : job));
		this.#emit();
	}

	#act(name: string, id: string, patch: Partial<Job>) {
		this.calls.push(`${name}:${id}`);
		this.update(id, patch);
	}

	#emit() {
		this.#snapshot = this.#build();
		for (const listener of this.#listeners) listener();
	}

	#build(): QueueSnapshot {
		const jobs = this.#jobs;
		return {
			jobs,
			totals: {
				active: jobs.filter(job => activeJobStates.includes(job.state) && job.state !== 'queued').length,
				queued: jobs.filter(job => job.state === 'queued').length,
				done: jobs.filter(job => job.state === 'done').length,
				failed: jobs.filter(job => job.state === 'failed').length,
				bytesDone: jobs.reduce((sum, job) => sum + job.bytesDone, 0),
				bytesTotal: jobs.reduce((sum, job) => sum + (job.bytesTotal ?? 0), 0),
				speed: jobs.filter(job => job.state === 'downloading').reduce((sum, job) => sum + job.speed, 0),
			},
		};
	}
}

class FakeErrors implements ErrorFeed {
	#entries: readonly ErrorEntry[];
	#listeners = new Set<() => void>();
	#next = 1000;

	constructor(entries: readonly ErrorEntry[]) {
		this.#entries = entries;
	}

	subscribe = (listener: () => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	getSnapshot = () => this.#entries;

	clear() {
		this.#set([]);
	}

	push(entry: Omit<ErrorEntry, 'id' | 'at'>) {
		const id = this.#next++;
		this.#set([...this.#entries, {...entry, id, at: id}]);
	}

	#set(entries: readonly ErrorEntry[]) {
		this.#entries = entries;
		for (const listener of this.#listeners) listener();
	}
}

export type FakeOptions = {
	jobs?: readonly Job[];
	errors?: readonly ErrorEntry[];
	/** Compare answers wait until `releaseCompare()`. */
	holdCompare?: boolean;
	/** CSCs whose compare fails (rate limited). */
	failCompare?: readonly string[];
	/** CSCs whose history fails. */
	failHistory?: readonly string[];
	/** A cached discovery of this age exists for every model (older than 6 h is stale). */
	regionCacheAgeMs?: number;
	/** Discovery answers half the CSCs, then waits until `releaseDiscovery()`. */
	holdDiscovery?: boolean;
	/** CSCs whose discovery probe fails. */
	failDiscovery?: readonly string[];
	/** Write this text as the config file before opening the store (to test recovery). */
	configDir?: string;
};

export type FakeServices = AppServices & {
	fakeQueue: FakeQueue;
	fakeErrors: FakeErrors;
	settingsStore: SettingsStore;
	configDir: string;
	releaseCompare(): void;
	releaseDiscovery(): void;
	/** One entry per discovery run started: "discover:MODEL". */
	discoveryCalls: string[];
	dispose(): void;
};

export function fakeJob(id: string, patch: Partial<Job> = {}): Job {
	return {id, model: 'SM-S918B', csc: 'EUX', state: 'downloading', bytesDone: 2_000_000_000, bytesTotal: 8_000_000_000, speed: 40_000_000, eta: 150, connections: 4, ...patch};
}

export function createFakeServices(options: FakeOptions = {}): FakeServices {
	const ownDir = options.configDir === undefined;
	const configDir = options.configDir ?? mkdtempSync(path.join(tmpdir(), 'fusdeck-ui-'));
	const settingsStore = new SettingsStore({configDir, now: () => new Date('2026-11-25T03:37:00Z')});
	const fakeQueue = new FakeQueue(options.jobs ?? []);
	const fakeErrors = new FakeErrors(options.errors ?? []);
	let release: () => void = () => {};
	let gate = options.holdCompare ? new Promise<void>(resolve => (release = resolve)) : Promise.resolve();
	let releaseDiscovery: () => void = () => {};
	let discoveryGate = options.holdDiscovery ? new Promise<void>(resolve => (releaseDiscovery = resolve)) : Promise.resolve();
	const discoveryCalls: string[] = [];

	return {
		searchModels(query) {
			const needle = query.trim().toLowerCase();
			return fakeModels.filter(model => !needle || [model.model, model.name, ...model.altNames].some(text => text.toLowerCase().includes(needle)));
		},
		cscsForModel: model => (fakeModels.some(candidate => candidate.model === model) ? fakeCscs : []),
		async * compare(model, cscs, signal) {
			await gate;
			for (const csc of cscs) {
				if (signal.aborted) return;
				const known = latest[csc];
				if (options.failCompare?.includes(csc)) yield {csc, state: 'failed', error: fakeExplanation('Rate limited', 'wait-retry')};
				else if (known === undefined || known === 'none') yield {csc, state: 'none'};
				else yield {csc, state: 'ok', ...known, pda: known.pda!.replace('S918B', model.slice(3))};
			}
		},
		async cachedRegions(model) {
			return options.regionCacheAgeMs === undefined ? undefined : cachedDiscovery(model, options.regionCacheAgeMs);
		},
		async discoverRegions(model, {signal, onProgress}) {
			discoveryCalls.push(`discover:${model}`);
			const regions: DiscoveredRegion[] = [];
			for (const [index, {csc}] of fakeCscs.entries()) {
				if (index === fakeCscs.length / 2) await discoveryGate;
				await Promise.resolve();
				if (signal.aborted) throw new FusdeckError('CANCELLED', 'Cancelled');
				const region = options.failDiscovery?.includes(csc) ? {csc, state: 'failed' as const} : discovered(csc, model);
				regions.push(region);
				onProgress?.({done: index + 1, total: fakeCscs.length, region});
			}

			return {model, discoveredAt: Date.now(), stale: false, regions};
		},
		async history(model, csc) {
			if (options.failHistory?.includes(csc)) {
				throw new FusError('FUS_STATUS', 'FUS refused the request (status 408)', {stage: 'history', fusStatus: '408', model, csc});
			}

			const builds: BuildRecord[] = [
				{pda: 'S918BXXS8DYK1', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1', date: '2025-11', android: '16', served: true},
				{pda: 'S918BXXS8DYJ2', version: 'S918BXXS8DYJ2/S918BOXM8DYJ2/S918BXXS8DYJ2', date: '2025-10', android: '16'},
				{pda: 'S918BXXU8DYI5', version: 'S918BXXU8DYI5/S918BOXM8DYI5/S918BXXU8DYI5', date: '2025-09', android: '15'},
				{pda: 'S918BZCU9ZYK2', version: 'S918BZCU9ZYK2/S918BOZC9ZYK2/S918BZCU9ZYK2', date: '2025-11', android: '16', beta: true},
			];
			return builds;
		},
		explain: error => fakeExplanation(isFusdeckError(error) ? `${error.code}: ${error.message}` : String(error)),
		queue: fakeQueue,
		errors: fakeErrors,
		settings: settingsStore,
		fakeQueue,
		fakeErrors,
		settingsStore,
		configDir,
		releaseCompare() {
			release();
			gate = Promise.resolve();
		},
		releaseDiscovery() {
			releaseDiscovery();
			discoveryGate = Promise.resolve();
		},
		discoveryCalls,
		dispose() {
			if (ownDir) rmSync(configDir, {recursive: true, force: true});
		},
	};
}
