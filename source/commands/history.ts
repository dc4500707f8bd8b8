import {FusClient} from '../core/fus/client.js';
import {isFusdeckError} from '../core/errors.js';
import {mergeHistory, type BuildRecord} from '../core/versions/history.js';
import {fetchVersionInfo} from '../core/versions/version-xml.js';
import {cscArg, modelArg, noMoreArgs} from './args.js';
import {endpointsFrom, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import type {Command} from './types.js';

export const historyCommand: Command = {
	name: 'history',
	summary: 'every known build of a model/CSC pair (SmartHistory + version.xml), newest first',
	usage: `Usage: fusdeck history MODEL CSC [--json]

Lists every build known for the pair, merged from Samsung's SmartHistory service (Smart protocol,
no IMEI needed) and version.xml's upgrade list: PDA, full version when known, build month decoded
from the PDA, the server's open date, Android version, whether the server still serves it, and
beta/test rows flagged. When one source fails the other is still shown, with a warning.

Example: fusdeck history SM-S918B EUX`,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('history', args, {...outputOptions, ...networkOptions});
		const model = modelArg(positionals[0], 'history');
		const csc = cscArg(positionals[1], 'history');
		noMoreArgs('history', positionals, ['MODEL', 'CSC']);
		const endpoints = endpointsFrom(values, io.env);
		const timeoutMs = timeoutFrom(values.timeout);
		const client = new FusClient({endpoints, protocol: 'smart', timeoutMs, signal: io.signal});
		const [history, versions] = await Promise.allSettled([
			client.history(model, csc),
			fetchVersionInfo(model, csc, {fotaUrl: endpoints.fota, timeoutMs, signal: io.signal}),
		]);
		if (history.status === 'rejected' && versions.status === 'rejected') {
			throw history.reason;
		}

		const warnings = [history, versions].flatMap((result, index) =>
			result.status === 'rejected' ? [`${index === 0 ? 'SmartHistory' : 'version.xml'} failed: ${isFusdeckError(result.reason) ? result.reason.message : String(result.reason)}`] : []);
		const builds = mergeHistory(history.status === 'fulfilled' ? history.value : [], versions.status === 'fulfilled' ? versions.value : undefined);
		for (const warning of warnings) {
			io.stderr.write(`fusdeck: warning: ${warning}\n`);
		}

		if (values.json) {
			io.stdout.write(JSON.stringify({model, csc, builds: builds.map(buildJson), warnings}) + '\n');
		} else {
			io.stdout.write(formatHistory(model, csc, builds));
		}

		return 0;
	},
};

export function buildJson(build: BuildRecord) {
	return {
		pda: build.pda,
		version: build.version,
		build_year: build.buildYear,
		build_month: build.buildMonth,
		open_date: build.openDate,
		android: build.android,
		served: build.served,
		beta: build.beta,
		latest: build.latest,
		sources: build.sources,
	};
}

function formatHistory(model: string, csc: string, builds: BuildRecord[]): string {
	const lines = [`${model} ${csc}: ${builds.length} builds, newest first`, `  ${'PDA'.padEnd(16)}${'Built'.padEnd(9)}${'Android'.padEnd(9)}${'Opened'.padEnd(12)}notes`];
	for (const build of builds) {
		const built = build.buildYear ? `${build.buildYear}-${String(build.buildMonth).padStart(2, '0')}` : '-';
		const notes = [build.latest ? 'latest' : '', build.beta ? 'beta/test' : '', build.served === false ? 'no longer served' : '', build.version ? '' : 'PDA only'].filter(Boolean).join(', ');
		lines.push(`  ${build.pda.padEnd(16)}${built.padEnd(9)}${(build.android ?? '-').padEnd(9)}${(build.openDate?.slice(0, 10) ?? '-').padEnd(12)}${notes}`.trimEnd());
	}

	return lines.join('\n') + '\n';
}
