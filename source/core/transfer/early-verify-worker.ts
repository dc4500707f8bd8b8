/**
 * The worker side of early verification: MD5 hashing reads the whole file back, which would
 * otherwise compete with receiving and decrypting on the main thread. Messages in: {prefix,
 * tailReady} updates, 'stop', 'finish'. Message out: the outcome, once.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {isFusdeckError} from '../errors.js';
import {EarlyVerifier} from './early-verify.js';
import type {VerifierMessage, VerifierOutcome} from './early-verify-thread.js';

const {partPath, size} = workerData as {partPath: string; size: number};
const verifier = new EarlyVerifier(partPath, size);
const port = parentPort!;

port.on('message', (message: VerifierMessage) => {
	if (message === 'stop') {
		verifier.stop();
	} else if (message === 'finish') {
		verifier.finish().then(
			members => port.postMessage({members} satisfies VerifierOutcome),
			(error: unknown) => port.postMessage({error: isFusdeckError(error) ? {code: error.code, message: error.message, context: error.context} : {code: 'INTERNAL', message: String(error), context: {}}} satisfies VerifierOutcome),
		);
	} else {
		verifier.update(message.prefix, message.tailReady);
	}
});
