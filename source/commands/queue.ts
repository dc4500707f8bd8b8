import {loadQueueFile} from '../core/queue/queue-store.js';
import {queueFile} from '../core/store/config-dir.js';
import {UsageError} from '../core/errors.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command} from './types.js';

const percent = (done: number, total: number) => total > 0 ? `${Math.floor((done / total) * 100)}%` : '-';

export const queueCommand: Command = {
	name: 'queue',
	summary: 'list the download queue saved in the config folder',
	usage: [
		'Usage: fusdeck queue [--json]',
		'',
		'Lists the jobs of the persisted download queue (FUSDECK_CONFIG_DIR, else the platform config folder).',
	].join('\n'),
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('queue', args, outputOptions);
		if (positionals.length > 0) {
			throw new UsageError(`queue takes no arguments, got "${positionals[0]}"`);
		}

		const path = queueFile(io.env);
		const saved = await loadQueueFile(path);
		const jobs = (saved?.jobs ?? []).map(job => ({
			id: job.id,
			model: job.spec.model,
			csc: job.spec.csc,
			version: job.remote?.version ?? job.spec.version,
			state: job.state,
			bytesDone: job.bytesDone,
			bytesTotal: job.bytesTotal,
			...(job.path ? {path: job.path} : {}),
			...(job.error ? {error: job.error} : {}),
		}));
		if (values.json) {
			io.stdout.write(JSON.stringify({ok: true, path, jobs}) + '\n');
			return exitCodes.ok;
		}

		if (jobs.length === 0) {
			io.stdout.write(`The queue is empty (${path}).\n`);
			return exitCodes.ok;
		}

		for (const job of jobs) {
			const detail = job.error ? `${job.error.code}: ${job.error.message}` : job.version ?? 'latest';
			io.stdout.write(`${job.id}  ${job.state.padEnd(11)}  ${job.model} ${job.csc}  ${percent(job.bytesDone, job.bytesTotal).padStart(4)}  ${detail}\n`);
		}

		return exitCodes.ok;
	},
};
