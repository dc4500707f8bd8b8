import {fetchVersionInfo} from '../core/versions/version-xml.js';
import {FusError, UsageError} from '../core/errors.js';
import {cscArg, modelArg, noMoreArgs} from './args.js';
import {endpointsFrom, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import {retryTransient} from '../core/retry-transient.js';
import type {Command} from './types.js';

export const checkCommand: Command = {
	name: 'check',
	summary: 'latest firmware of a model for a CSC (version.xml)',
	usage: `Usage: fusdeck check MODEL CSC [--json]

Prints the latest firmware version published for MODEL in region CSC, its Android version and the
earlier versions the server lists. Needs no IMEI.

Options:
  --json            one JSON object on stdout
  --fota-url URL    version.xml host (env FUSDECK_FOTA_URL)
  --timeout S       seconds per request (default 30)

Example: fusdeck check SM-S918B EUX`,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('check', args, {...outputOptions, ...networkOptions});
		const model = modelArg(positionals[0], 'check');
		const several = `fusdeck compare ${model} [CSC...] checks several side by side`;
		if (positionals.length < 2) {
			throw new UsageError(`check: give a CSC (region code) such as EUX or XAA (list them: fusdeck cscs); ${several}`);
		}

		noMoreArgs('check', positionals, ['MODEL', 'CSC'], several);
		const csc = cscArg(positionals[1], 'check');
		const endpoints = endpointsFrom(values, io.env);
		const info = await retryTransient(async () => fetchVersionInfo(model, csc, {fotaUrl: endpoints.fota, timeoutMs: timeoutFrom(values.timeout), signal: io.signal}), {signal: io.signal});
		if (!info.latest) {
			throw new FusError('NO_FIRMWARE', `No firmware found for ${model} with CSC ${csc}: the pair is known but has no release; try the open multi-CSC of the region (such as EUX)`, {stage: 'version', model, csc});
		}

		if (values.json) {
			io.stdout.write(JSON.stringify({ok: true, model, csc, latest: info.latest, android: info.android ?? null, upgrades: info.upgrades}) + '\n');
		} else {
			io.stdout.write([
				`${model} ${csc}`,
				`  latest   ${info.latest}`,
				`  android  ${info.android ?? 'unknown'}`,
				`  older    ${info.upgrades.length} listed`,
				'',
			].join('\n'));
		}

		return 0;
	},
};
