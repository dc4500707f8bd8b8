/**
 * Errors are values with a stable code. Everything `explain` needs travels with the error,
 * so the UI and the CLI can say what went wrong and what to do without parsing messages.
 */

/** Where in the flow something failed; the explainer uses it to pick the likely cause. */
import type {ErrorCode} from './error-codes.js';

export type ErrorStage = 'nonce' | 'inform' | 'init' | 'download' | 'version' | 'history' | 'verify' | 'decrypt' | 'input' | 'config' | 'disk';

export type ErrorContext = {
	stage?: ErrorStage;
	/** HTTP status of the reply, when there was one. */
	httpStatus?: number;
	/** FUS body status (`Results/Status`), e.g. "408" or "S01". */
	fusStatus?: string;
	/** Whether a device id (IMEI or serial) was sent. */
	sentDeviceId?: boolean;
	protocol?: 'classic' | 'smart';
	model?: string;
	csc?: string;
	/** Seconds the server asked us to wait (Retry-After). */
	retryAfter?: number;
	url?: string;
	path?: string;
};

export class FusdeckError extends Error {
	readonly code: ErrorCode;
	readonly context: ErrorContext;

	constructor(code: ErrorCode, message: string, context: ErrorContext = {}, options?: {cause?: unknown}) {
		super(message, options);
		this.name = new.target.name;
		this.code = code;
		this.context = context;
	}
}

/** The server answered, and the answer is a refusal (FUS body status, or an HTTP status). */
export class FusError extends FusdeckError {}

/** The server's reply could not be understood (not XML, missing fields, wrong shape). */
export class ProtocolError extends FusdeckError {}

/** The network failed us: timeout, reset, refused connection. */
export class NetworkError extends FusdeckError {}

/** A download or its file handling failed. */
export class TransferError extends FusdeckError {}

/** The bytes are wrong: CRC, size, padding, or a `.tar.md5` member. */
export class VerifyError extends FusdeckError {}

/** The user's input is wrong; the message says how to fix it. */
export class UsageError extends FusdeckError {
	constructor(message: string, context: ErrorContext = {}) {
		super('USAGE', message, {stage: 'input', ...context});
	}
}

export function isFusdeckError(error: unknown): error is FusdeckError {
	return error instanceof FusdeckError;
}

const transientCodes: ReadonlySet<string> = new Set(['RATE_LIMITED', 'SERVER_ERROR', 'NETWORK', 'TIMEOUT']);

/** A failure that may pass if the same request is made again later: 429, 5xx, a reset, a timeout. */
export function isTransientError(error: unknown): error is FusdeckError {
	return isFusdeckError(error) && transientCodes.has(error.code);
}
