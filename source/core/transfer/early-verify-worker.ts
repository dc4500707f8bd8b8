/**
 * The worker side of early verification: MD5 hashing reads the whole file back, which would
 * otherwise compete with receiving and decrypting on the main thread. One worker serves every
 * download of the process (one V8 heap, not one per job); messages carry the job's id.
 */
import {parentPort} from 'node:worker_threads';
import {isFusdeckError} from '../errors.js';
import {EarlyVerifier} from './early-verify.js';
import type {VerifierOutcome, VerifierRequest} from './early-verify-thread.js';

const port = parentPort!;
const verifiers = new Map<number, EarlyVerifier>();

port.on('message', (request: VerifierRequest) => {
	if (request.type === 'start') {
		verifiers.set(request.id, new EarlyVerifier(request.partPath, request.size));
		return;
	}

	const verifier = verifiers.get(request.id);
	if (!verifier) {
		return;
	}

	if (request.type === 'update') {
		verifier.update(request.prefix, request.tailReady);
	} else if (request.type === 'stop') {
		verifier.stop();
		verifiers.delete(request.id);
	} else {
		verifiers.delete(request.id);
		verifier.finish().then(
			members => port.postMessage({id: request.id, members} satisfies VerifierOutcome),
			(error: unknown) => port.postMessage({id: request.id, error: isFusdeckError(error) ? {code: error.code, message: error.message, context: error.context} : {code: 'INTERNAL', message: String(error), context: {}}} satisfies VerifierOutcome),
		);
	}
});
