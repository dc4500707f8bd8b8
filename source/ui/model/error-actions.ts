import type {NextAction} from '../../core/explain/types.js';
import type {ErrorEntry} from '../services.js';

/** What Enter in the Errors pane does for an explained error. */
export type ErrorAction =
	| {kind: 'retry-job'; jobId: string; label: string}
	| {kind: 'download-latest'; model: string; csc: string; label: string}
	| {kind: 'open-settings'; label: string}
	| {kind: 'focus-regions'; label: string};

export function errorAction(entry: ErrorEntry): ErrorAction | undefined {
	const action: NextAction | undefined = entry.explanation.action;
	switch (action) {
		case 'retry':
		case 'wait-retry':
		case 'resume':
		case 'redownload': {
			return entry.jobId ? {kind: 'retry-job', jobId: entry.jobId, label: action === 'resume' ? 'resume the job' : 'retry the job'} : undefined;
		}

		case 'accept-latest': {
			return entry.model && entry.csc ? {kind: 'download-latest', model: entry.model, csc: entry.csc, label: 'download the build offered'} : undefined;
		}

		case 'enter-imei': {
			return {kind: 'open-settings', label: 'enter a device id in settings'};
		}

		case 'use-smart': {
			return {kind: 'open-settings', label: 'switch the protocol in settings'};
		}

		case 'try-eux':
		case 'other-csc': {
			return {kind: 'focus-regions', label: action === 'try-eux' ? 'pick the open multi-CSC (e.g. EUX)' : 'pick another region'};
		}

		default: {
			return undefined;
		}
	}
}
