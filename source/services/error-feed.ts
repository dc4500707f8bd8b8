/** The errors the workstation shows, newest last, each already explained. */
import type {FusdeckError} from '../core/errors.js';
import {explainWithCatalog} from '../core/catalog/csc-context.js';
import type {ErrorEntry, ErrorFeed} from '../ui/services.js';

export class ErrorLog implements ErrorFeed {
	private entries: readonly ErrorEntry[] = [];
	private readonly listeners = new Set<() => void>();
	private nextId = 1;

	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = () => this.entries;

	add(error: FusdeckError, where: {model?: string; csc?: string; jobId?: string} = {}): void {
		this.entries = [...this.entries.slice(-49), {id: this.nextId++, at: Date.now(), code: error.code, explanation: explainWithCatalog(error, error.context.csc ?? where.csc), ...where}];
		this.emit();
	}

	clear(): void {
		this.entries = [];
		this.emit();
	}

	private emit(): void {
		for (const listener of this.listeners) {
			listener();
		}
	}
}
