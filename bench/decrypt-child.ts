/**
 * Decrypts one file with fusdeck's streaming decryption, in a process of its own like openssl's,
 * so that neither side runs in a process the other sections have already worked in.
 * Arguments: INPUT OUTPUT KEYHEX.
 */
import {decryptStream} from '../source/core/transfer/decrypt-file.js';

const [input, output, key] = process.argv.slice(2);
await decryptStream(input!, output!, Buffer.from(key!, 'hex'));
