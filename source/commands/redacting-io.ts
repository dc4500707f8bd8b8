import {deviceIdsInArgv, redactDeviceIds} from '../core/identity/mask.js';
import type {CommandIO} from './types.js';

/**
 * The streams a command writes to, with the device ids of its own command line masked. Commands
 * mask what they print on purpose; this catches what they echo by accident (a usage error that
 * quotes a mistyped IMEI, a search that found nothing for it). `--show-ids` turns it off.
 */
export function redactingIo(io: CommandIO, argv: readonly string[]): CommandIO {
	if (argv.includes('--show-ids')) {
		return io;
	}

	const known = deviceIdsInArgv(argv);
	if (known.length === 0) {
		return io;
	}

	const wrap = (stream: CommandIO['stdout']): CommandIO['stdout'] => ({write: (text: string) => stream.write(redactDeviceIds(String(text), known))});
	return {...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr)};
}
