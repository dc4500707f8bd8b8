import {decryptCommand} from './decrypt.js';
import {queueCommand} from './queue.js';
import type {Command} from './types.js';

/** Every scripted subcommand, in the order `fusdeck --help` lists them. */
export const commands: Command[] = [decryptCommand, queueCommand];
