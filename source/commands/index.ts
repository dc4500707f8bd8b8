import {decodeCommand} from './decode.js';
import {explainCommand} from './explain.js';
import type {Command} from './types.js';

/** Every scripted subcommand, in the order `fusdeck --help` lists them. */
export const commands: Command[] = [decodeCommand, explainCommand];
