import {imeiCommand} from './imei.js';
import {modelsCommand} from './models.js';
import type {Command} from './types.js';

/** Every scripted subcommand, in the order `fusdeck --help` lists them. */
export const commands: Command[] = [modelsCommand, imeiCommand];
