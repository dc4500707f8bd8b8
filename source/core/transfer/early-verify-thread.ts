/**
 * Runs EarlyVerifier in a worker thread, with the same surface, so the MD5 pass uses a core the
 * download does not. One worker serves all downloads at once and ends when the last one is done.
 * Updates are only sent when they say something new.
 */
import {Worker} from 'node:worker_threads';
import type {ErrorCode} from '../error-codes.js';
import {VerifyError, type ErrorContext} from '../errors.js';
import {tailStartOf} from './early-verify.js';
import type {MemberCheck} from './verify-zip.js';

export type VerifierRequest =
	| {id: number; type: 'start'; partPath: string; size: number}
	| {id: number; type: 'update'; prefix: number; tailReady: boolean}
	| {id: number; type: 'stop' | 'finish'};

export type VerifierOutcome = {id: number; members: MemberCheck[] | undefined} | {id: number; error: {code: ErrorCode; message: string; context: ErrorContext}};

type Settle = (outcome: VerifierOutcome | undefined) => void;

/** Progress smaller than this is not worth a message (a wake-up of the worker thread). */
const updateStepBytes = 4 << 20;

/** The shared worker and the jobs waiting on it. */
let shared: {worker: Worker; waiting: Map<number, Settle>} | undefined;
let nextId = 1;

function acquire(): NonNullable<typeof shared> {
	if (shared) {
		return shared;
	}

	// It hashes through one reused buffer per job, so a small heap is plenty.
	const worker = new Worker(new URL('early-verify-worker.js', import.meta.url), {resourceLimits: {maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64}});
	worker.unref();
	const state = {worker, waiting: new Map<number, Settle>()};
	worker.on('message', (outcome: VerifierOutcome) => {
		state.waiting.get(outcome.id)?.(outcome);
	});
	// A worker that cannot start or dies is no verdict: the full pass after the download decides.
	const lost = () => {
		for (const settle of state.waiting.values()) {
			settle(undefined);
		}

		if (shared === state) {
			shared = undefined;
		}
	};

	worker.on('error', lost);
	worker.on('exit', lost);
	shared = state;
	return state;
}

export class VerifierThread {
	readonly #id = nextId++;
	readonly #shared = acquire();
	readonly #outcome: Promise<MemberCheck[] | undefined>;
	#sent = {prefix: 0, tailReady: false};

	constructor(partPath: string, private readonly size: number) {
		this.#outcome = new Promise((resolve, reject) => {
			this.#shared.waiting.set(this.#id, outcome => {
				this.#release();
				if (outcome && 'error' in outcome) {
					reject(new VerifyError(outcome.error.code, outcome.error.message, outcome.error.context));
				} else {
					resolve(outcome?.members);
				}
			});
		});
		this.#outcome.catch(() => undefined); // awaited by finish(); this only keeps it from counting as unhandled
		this.#post({id: this.#id, type: 'start', partPath, size});
	}

	get tailStart(): number {
		return tailStartOf(this.size);
	}

	update(prefix: number, tailReady: boolean): void {
		// Small steps would wake the worker for every write; it reads in 1 MiB pieces anyway.
		const complete = prefix >= this.size;
		if (prefix >= this.#sent.prefix + updateStepBytes || (complete && prefix > this.#sent.prefix) || (tailReady && !this.#sent.tailReady)) {
			this.#sent = {prefix: Math.max(prefix, this.#sent.prefix), tailReady: tailReady || this.#sent.tailReady};
			this.#post({id: this.#id, type: 'update', ...this.#sent});
		}
	}

	stop(): void {
		this.#post({id: this.#id, type: 'stop'});
		this.#shared.waiting.get(this.#id)?.(undefined);
	}

	async finish(): Promise<MemberCheck[] | undefined> {
		this.#post({id: this.#id, type: 'finish'});
		return this.#outcome;
	}

	#post(request: VerifierRequest): void {
		this.#shared.worker.postMessage(request);
	}

	/** The last job out ends the worker, so a finished process has no thread left. */
	#release(): void {
		this.#shared.waiting.delete(this.#id);
		if (this.#shared.waiting.size === 0 && shared === this.#shared) {
			shared = undefined;
			void this.#shared.worker.terminate();
		}
	}
}
