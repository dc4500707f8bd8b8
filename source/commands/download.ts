import {resolve} from 'node:path';
import {statSync} from 'node:fs';
import {FusdeckError, TransferError, UsageError} from '../core/errors.js';
import type {DownloadQueue} from '../core/queue/download-queue.js';
import type {JobSpec, JobView} from '../core/queue/types.js';
import {queueFile} from '../core/store/config-dir.js';
import {openSettings} from './open-settings.js';
import {normaliseDeviceId} from '../core/store/device-id.js';
import {connectionsRange} from '../core/store/settings-types.js';
import {cscArg, modelArg, noMoreArgs, protocolArg} from './args.js';
import {endpointsFrom, integerOption, networkOptions, outputOptions, parseCommandArgs, timeoutFrom} from './options.js';
import {openQueue} from '../services/open-queue.js';
import {progressLine} from './progress-line.js';
import {exitCodes, type Command, type CommandIO} from './types.js';

export const downloadCommand: Command = {
	name: 'download',
	summary: 'download, decrypt and verify firmware (Smart protocol: no IMEI needed)',
	usage: `Usage: fusdeck download MODEL CSC [--out DIR] [--build PDA|VERSION] [--accept-latest]
                        [--connections N] [--keep-encrypted] [--imei IMEI|SERIAL]
                        [--protocol auto|smart|classic] [--json]

Downloads the latest firmware of MODEL for CSC (or the build named by --build) over N ranged
connections (default: the settings' connections per job, 4), decrypts it while it arrives,
checks the CRC32 the server announced, the padding and the MD5 of every .tar.md5 member, and
only then leaves the decrypted zip in DIR (default: the settings' download folder, else the
current folder).

The job goes into the download queue (fusdeck queue lists it). Ctrl-C pauses it: the same
command run again resumes where it stopped, as does a run after a crash or kill.

--protocol auto (default) tries Smart first, which needs no IMEI, and falls back to classic with
the IMEI given or stored for the model. When the server offers another build than --build asks
for, nothing is downloaded unless --accept-latest.

Example: fusdeck download SM-S918B EUX`,
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('download', args, {
			...outputOptions,
			...networkOptions,
			out: {type: 'string'},
			imei: {type: 'string'},
			build: {type: 'string'},
			'accept-latest': {type: 'boolean', default: false},
			connections: {type: 'string'},
			'keep-encrypted': {type: 'boolean', default: false},
		});
		// An empty value (a script's unset variable) must not quietly mean "the latest build" or "the current folder".
		for (const name of ['build', 'out'] as const) {
			if (values[name] !== undefined && values[name].trim() === '') {
				throw new UsageError(`download: --${name} was given an empty value; give ${name === 'build' ? 'a PDA or full version (fusdeck history MODEL CSC lists them)' : 'a folder'}, or leave the option out`);
			}
		}

		const model = modelArg(positionals[0], 'download');
		const csc = cscArg(positionals[1], 'download');
		noMoreArgs('download', positionals, ['MODEL', 'CSC']);

		const store = openSettings(io);
		const settings = store.getSnapshot();
		const protocol = protocolArg(values.protocol, settings.protocol);
		const connections = integerOption('connections', values.connections, settings.connectionsPerJob, connectionsRange.min, connectionsRange.max);
		const destDir = resolve(io.cwd, values.out ?? (settings.downloadFolder || '.'));
		if (!statSync(destDir, {throwIfNoEntry: false})?.isDirectory()) {
			throw new UsageError(`The download folder ${destDir} does not exist; create it or pass --out DIR`);
		}

		const opened = await openQueue({
			endpoints: endpointsFrom(values, io.env),
			store,
			timeoutMs: timeoutFrom(values.timeout),
			storePath: queueFile(io.env),
			autoResume: false,
			protocol: () => protocol,
			connections,
			concurrency: 1,
			onServed(_spec, served) {
				if (!values.json) {
					io.stderr.write(`fusdeck: ${model} ${csc} ${served.version.split('/')[0]} via ${served.protocol}: ${served.size} bytes over ${connections} connection(s)\n`);
				}
			},
		});
		if (opened.heldBy !== undefined && !values.json) {
			io.stderr.write(`fusdeck: the download queue is in use by process ${opened.heldBy} (the workstation?); this download runs outside it\n`);
		}

		const spec: JobSpec = {
			model,
			csc,
			...(values.build ? {version: values.build} : {}),
			// Checked here (Luhn, length, TAC of this model), so a typo is a usage error, not a FUS refusal.
			...(values.imei?.trim() ? {deviceId: normaliseDeviceId(values.imei, model).id} : {}),
			destDir,
			...(values['keep-encrypted'] ? {keepEncrypted: true} : {}),
			...(values.build && !values['accept-latest'] ? {exactBuild: true} : {}),
		};

		try {
			const job = await runJob(opened.queue, spec, io, {json: values.json});
			return report(job, io, values.json, opened.queue.failure(job.id));
		} finally {
			await opened.close();
		}
	},
};

/** Continues the same unfinished job when there is one, else adds it; resolves when it settles. */
async function runJob(queue: DownloadQueue, spec: JobSpec, io: CommandIO, options: {json: boolean}): Promise<JobView> {
	const existing = queue.findUnfinished(spec);
	let id: string;
	if (existing) {
		id = existing.id;
		if (!options.json) {
			io.stderr.write(`fusdeck: continuing job ${id} (${existing.state})\n`);
		}

		// The rerun's options win (an IMEI given now, --keep-encrypted, --accept-latest).
		const update = {deviceId: spec.deviceId, keepEncrypted: spec.keepEncrypted, exactBuild: spec.exactBuild};
		await (existing.state === 'failed' || existing.state === 'cancelled' ? queue.retry(id, update) : queue.resume(id, update));
	} else {
		id = queue.add(spec).id;
	}

	const live = !options.json && Boolean((io.stderr as {isTTY?: boolean}).isTTY);
	return new Promise<JobView>((resolvePromise, reject) => {
		const settled = (job: JobView | undefined) => job && ['done', 'failed', 'cancelled', 'paused'].includes(job.state);
		const onChange = () => {
			const job = queue.snapshot().jobs.find(j => j.id === id);
			if (live && job?.state === 'downloading') {
				io.stderr.write(`\r${progressLine(job)}\u001B[K`);
			}

			if (settled(job)) {
				cleanup();
				if (live) {
					io.stderr.write('\r\u001B[K');
				}

				resolvePromise(job!);
			}
		};

		const onAbort = () => {
			queue.pause(id).catch(reject);
		};

		const cleanup = () => {
			queue.off('change', onChange);
			io.signal?.removeEventListener('abort', onAbort);
		};

		queue.on('change', onChange);
		io.signal?.addEventListener('abort', onAbort, {once: true});
		if (io.signal?.aborted) {
			onAbort();
		}

		onChange();
	});
}

function report(job: JobView, io: CommandIO, json: boolean, failure: unknown): number {
	if (job.state === 'done') {
		if (json) {
			io.stdout.write(JSON.stringify({ok: true, job: job.id, model: job.model, csc: job.csc, version: job.version, protocol: job.protocol, path: job.path, size: job.result?.bytes, members: job.result?.members, resumedBytes: job.result?.resumedBytes, renewals: job.result?.renewals, retries: job.result?.retries}) + '\n');
		} else {
			io.stdout.write(`${job.path}\n`);
		}

		return exitCodes.ok;
	}

	if (job.state === 'paused') {
		throw new TransferError('CANCELLED', `Download paused at ${job.bytesDone} of ${job.bytesTotal} bytes (job ${job.id}); run the same command again to resume`, {stage: 'download'});
	}

	if (failure !== undefined) {
		throw failure;
	}

	const error = job.error ?? {code: 'INTERNAL' as const, message: `the job ended ${job.state}`};
	throw new FusdeckError(error.code, error.message);
}
