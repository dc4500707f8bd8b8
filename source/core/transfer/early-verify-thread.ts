/**
 * Runs the EarlyVerifier in a worker thread, with the same surface, so the MD5 pass uses a core
 * the download does not. Updates are only sent when they say something new.
 */
import {Worker} from 'node:worker_threads';
import type {ErrorCode} from '../error-codes.js';
import {VerifyError, type ErrorContext} from '../errors.js';
import {tailBytes} from './early-verify.js';
import type {MemberCheck} from './verify-zip.js';

export type VerifierMessage = {prefix: number; tailReady: boolean} | 'stop' | 'finish';
export type VerifierOutcome = {members: MemberCheck[] | undefined} | {error: {code: ErrorCode; message: string; context: ErrorContext}};

export class VerifierThread {
	readonly #worker: Worker;
	readonly #outcome: Promise<MemberCheck[] | undefined>;
	#sent = {prefix: 0, tailReady: false};

	constructor(partPath: string, private readonly size: number) {
		this.#worker = new Worker(new URL('early-verify-worker.js', import.meta.url), {workerData: {partPath, size}});
		this.#worker.unref();
		this.#outcome = new Promise((resolve, reject) => {
			this.#worker.once('message', (outcome: VerifierOutcome) => {
				if ('error' in outcome) {
					reject(new VerifyError(outcome.error.code, outcome.error.message, outcome.error.context));
				} else {
					resolve(outcome.members);
				}
			});
			// A worker that cannot start or dies is no verdict: the full pass after the download decides.
			this.#worker.once('error', () => resolve(undefined));
			this.#worker.once('exit', () => resolve(undefined));
		});
		this.#outcome.catch(() => undefined); // awaited by finish(); this only keeps it from counting as unhandled
	}

	get tailStart(): number {
		return Math.max(0, this.size - tailBytes);
	}

	update(prefix: number, tailReady: boolean): void {
		if (prefix > this.#sent.prefix || (tailReady && !this.#sent.tailReady)) {
			this.#sent = {prefix: Math.max(prefix, this.#sent.prefix), tailReady: tailReady || this.#sent.tailReady};
			this.#worker.postMessage(this.#sent satisfies VerifierMessage);
		}
	}

	stop(): void {
		this.#worker.postMessage('stop' satisfies VerifierMessage);
		void this.#worker.terminate();
	}

	async finish(): Promise<MemberCheck[] | undefined> {
		this.#worker.postMessage('finish' satisfies VerifierMessage);
		try {
			return await this.#outcome;
		} finally {
			void this.#worker.terminate();
		}
	}
}
