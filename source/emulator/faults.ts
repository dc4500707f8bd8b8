/** Fault controls, changeable at runtime through the API or `POST /__emulator/faults`. */
export type Faults = {
	/** Answer the next N requests with 429 and this Retry-After. */
	rateLimit?: {count: number; retryAfter: number};
	/** Answer the next N requests with this 5xx status. */
	serverErrors?: {count: number; status: number};
	/** Smart inform answers S01. */
	refuseSmart?: boolean;
	/** Smart serves an older build when asked; otherwise the latest replaces it. */
	serveOlderBuilds?: boolean;
	/** Seconds an init keeps a download authorised. */
	linkExpirySeconds?: number;
	/** Drop the connection after this many body bytes, for the next `count` downloads. */
	resetAfterBytes?: {bytes: number; count: number};
	/** Announce a wrong BINARY_CRC. */
	corruptCrc?: boolean;
};

export const defaultFaults: Required<Pick<Faults, 'serveOlderBuilds' | 'linkExpirySeconds'>> = {serveOlderBuilds: true, linkExpirySeconds: 1800};

/** Takes one unit of a counted fault; returns whether it fires for this request. */
export function takeCounted<T extends {count: number}>(fault: T | undefined): T | undefined {
	if (!fault || fault.count <= 0) {
		return undefined;
	}

	fault.count--;
	return fault;
}
