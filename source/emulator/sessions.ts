/**
 * Emulator sessions: JSESSIONID → variant, current nonce and the files init authorised (with their
 * expiry). Requests are checked the way FUS does: cookie, user agent, and the signature of the
 * session's current nonce; the nonce field may be empty (samloader) or the current header nonce.
 */
import {randomBytes} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {encryptNonce} from '../core/fus/crypto.js';
import {variantByName, type ProtocolName} from '../core/fus/variant.js';

export type EmulatorSession = {
	id: string;
	protocol: ProtocolName;
	/** The nonce signatures and LOGIC_CHECK use. */
	nonce: string;
	/** The NONCE header value sent (encrypted for classic, raw for Smart). */
	headerNonce: string;
	/** BINARY_NAME → expiry time (ms). */
	authorised: Map<string, number>;
};

const nonceAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class SessionStore {
	private readonly sessions = new Map<string, EmulatorSession>();

	create(protocol: ProtocolName): EmulatorSession {
		const session: EmulatorSession = {id: randomBytes(12).toString('hex'), protocol, nonce: '', headerNonce: '', authorised: new Map()};
		this.rotate(session);
		this.sessions.set(session.id, session);
		return session;
	}

	/** A new nonce for the session; returns the NONCE header value to send. */
	rotate(session: EmulatorSession): string {
		session.nonce = Array.from(randomBytes(16), byte => nonceAlphabet[byte % nonceAlphabet.length]).join('');
		session.headerNonce = session.protocol === 'classic' ? encryptNonce(session.nonce) : session.nonce;
		return session.headerNonce;
	}

	/** The session the request belongs to when its cookie, user agent and signature are right. */
	authenticate(request: IncomingMessage, protocol: ProtocolName, signatureFor?: (session: EmulatorSession, headerNonce: string) => string[]): EmulatorSession | undefined {
		const id = /JSESSIONID=([^;\s]+)/.exec(request.headers.cookie ?? '')?.[1];
		const session = id ? this.sessions.get(id) : undefined;
		const variant = variantByName(protocol);
		if (!session || session.protocol !== protocol || request.headers['user-agent'] !== variant.userAgent) {
			return undefined;
		}

		const match = /nonce="([^"]*)",\s*signature="([^"]*)"/.exec(request.headers.authorization ?? '');
		if (!match || (match[1] !== '' && match[1] !== session.headerNonce)) {
			return undefined;
		}

		const accepted = signatureFor ? signatureFor(session, match[1]!) : [variant.signature(session.nonce)];
		return accepted.includes(match[2]!) ? session : undefined;
	}

	/** Ends every authorisation now (the link-expiry fault). */
	expireAll(): void {
		for (const session of this.sessions.values()) {
			session.authorised.clear();
		}
	}
}
