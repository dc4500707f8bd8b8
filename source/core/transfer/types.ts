/**
 * The contract between the FUS client (which knows how to authorise a download) and the transfer
 * engine (which moves, decrypts and verifies bytes). The engine never sees nonces or XML.
 */
import type {Readable} from 'node:stream';

/** What BinaryInform told us about the file to download. */
export type RemoteFile = {
	/** BINARY_NAME as served, e.g. `SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4`. Not yet a safe file name. */
	binaryName: string;
	/** BINARY_BYTE_SIZE: the encrypted size in bytes. */
	size: number;
	/** BINARY_CRC: CRC32 of the encrypted file, when the server gave one. */
	crc32?: number;
	/** The AES-128 key (ENC2 or ENC4). */
	key: Buffer;
	/** The full four-part version the server serves. */
	version: string;
};

/** An HTTP response for one ranged GET, as undici's `request` gives it. */
export type RangeResponse = {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: Readable;
};

/** Supplied by the FUS client for one file: ranged requests that carry the current authorisation. */
export type DownloadSource = {
	/** GET bytes [start, end] (inclusive). Resolves with any status; the engine interprets it. */
	requestRange(start: number, end: number, signal?: AbortSignal): Promise<RangeResponse>;
	/**
	 * Renews an expired authorisation (HTTP 401): new nonce, and inform + init (classic) or init (Smart).
	 * Concurrent callers share one renewal (single flight); resolves when requests may go on.
	 */
	renew(): Promise<void>;
};
