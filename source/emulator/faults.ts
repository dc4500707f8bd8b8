/** Fault controls, changeable at runtime through the API or `POST /__emulator/faults`. */
import {packageKinds, type PackageKind} from './firmware-layout.js';

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
	/** Cap each download connection at this many bytes per second (FUS limits every connection). */
	bandwidthPerConnection?: number;
	/**
	 * Serve firmware in which one data byte of this package's tar is flipped before encryption:
	 * BINARY_CRC and the zip stay right, the package's `.tar.md5` trailer does not.
	 */
	corruptMember?: PackageKind;
};

/** Every fault the emulator knows, for the admin endpoint's check of names (the compiler keeps it complete). */
const faultNames = Object.keys({
	rateLimit: true, serverErrors: true, refuseSmart: true, serveOlderBuilds: true, linkExpirySeconds: true,
	resetAfterBytes: true, corruptCrc: true, bandwidthPerConnection: true, corruptMember: true,
} satisfies Record<keyof Faults, true>) as ReadonlyArray<keyof Faults>;

export const defaultFaults: Required<Pick<Faults, 'serveOlderBuilds' | 'linkExpirySeconds'>> = {serveOlderBuilds: true, linkExpirySeconds: 1800};

/** Takes one unit of a counted fault; returns whether it fires for this request. */
export function takeCounted<T extends {count: number}>(fault: T | undefined): T | undefined {
	if (!fault || fault.count <= 0) {
		return undefined;
	}

	fault.count--;
	return fault;
}

const fail = (message: string): never => {
	throw new TypeError(message);
};

/**
 * Applies a JSON update from the admin endpoint; `null` clears a fault. Checks the faults whose
 * wrong values would otherwise break downloads in confusing ways; throws a TypeError saying which.
 */
export function applyFaultUpdate(faults: Faults, update: unknown): void {
	if (typeof update !== 'object' || update === null || Array.isArray(update)) {
		fail('faults: send a JSON object');
	}

	const changes = update as Record<string, unknown>;
	// A misspelt name (corruptCRC) would otherwise be stored, do nothing, and look accepted.
	const unknown = Object.keys(changes).filter(name => !faultNames.includes(name as keyof Faults));
	if (unknown.length > 0) {
		fail(`unknown fault ${unknown.map(name => JSON.stringify(name)).join(', ')}; the faults are ${faultNames.join(', ')}`);
	}

	const bandwidth = changes['bandwidthPerConnection'];
	if (bandwidth !== undefined && bandwidth !== null && (typeof bandwidth !== 'number' || !(bandwidth > 0))) {
		fail('bandwidthPerConnection: a positive number of bytes per second, or null');
	}

	const member = changes['corruptMember'];
	if (member !== undefined && member !== null && !packageKinds.includes(member as PackageKind)) {
		fail(`corruptMember: one of ${packageKinds.join(', ')}, or null`);
	}

	for (const [name, value] of Object.entries(changes)) {
		if (value === null) {
			delete (faults as Record<string, unknown>)[name];
		} else {
			(faults as Record<string, unknown>)[name] = value;
		}
	}
}
