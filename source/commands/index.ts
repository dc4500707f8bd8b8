import {checkCommand} from './check.js';
import {compareCommand} from './compare.js';
import {cscsCommand} from './cscs.js';
import {decodeCommand} from './decode.js';
import {decryptCommand} from './decrypt.js';
import {downloadCommand} from './download.js';
import {emulatorCommand} from './emulator.js';
import {explainCommand} from './explain.js';
import {historyCommand} from './history.js';
import {imeiCommand} from './imei.js';
import {modelsCommand} from './models.js';
import {queueCommand} from './queue.js';
import {regionsCommand} from './regions.js';
import type {Command} from './types.js';

/** Every scripted subcommand, in the order `fusdeck --help` lists them. */
export const commands: Command[] = [
	checkCommand,
	compareCommand,
	regionsCommand,
	historyCommand,
	downloadCommand,
	decryptCommand,
	queueCommand,
	explainCommand,
	decodeCommand,
	modelsCommand,
	cscsCommand,
	imeiCommand,
	emulatorCommand,
];
