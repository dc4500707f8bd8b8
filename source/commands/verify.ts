import {open, stat} from 'node:fs/promises';
import {basename, resolve} from 'node:path';
import {UsageError, VerifyError} from '../core/errors.js';
import {printable, quote} from '../core/quote.js';
import {checkTarMd5File, checkZipMembers, type MemberReport} from '../core/transfer/member-report.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command, type CommandIO} from './types.js';

type FileReport = {
	file: string;
	kind: 'zip' | 'tar.md5';
	ok: boolean;
	/** What is wrong with the file as a whole (not a zip, a damaged directory); members are then unknown. */
	problem: string | undefined;
	members: MemberReport[];
};

export const verifyCommand: Command = {
	name: 'verify',
	summary: 'check firmware you already have: every zip member\'s CRC32 and every .tar.md5\'s MD5',
	usage: [
		'Usage: fusdeck verify FILE... [--json]',
		'',
		'Checks decrypted firmware from fusdeck or any other tool before it is flashed, reading each file once:',
		'  a firmware zip     every member\'s CRC32 against the zip directory, and every .tar.md5 member\'s MD5',
		'                     against the line Odin checks at its end;',
		'  a .tar.md5 file    (an Odin package: AP, BL, CP, CSC, HOME_CSC) its MD5 line.',
		'Every member is reported, not just the first bad one. Exit code 0 when all check out, 4 when any fails.',
		'Encrypted downloads (.enc2/.enc4) are checked by fusdeck decrypt as it decrypts them.',
		'',
		'Example: fusdeck verify SM-S918B_1_20251103021001_k6hk0664tq_fac.zip',
	].join('\n'),
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('verify', args, outputOptions);
		if (positionals.length === 0) {
			throw new UsageError('verify needs at least one FILE: a firmware zip or a .tar.md5 package. See: fusdeck verify --help');
		}

		const paths = positionals.map(file => resolve(io.cwd, file));
		// Every file is looked at before any is hashed: a typo in the last name fails at once, not
		// after minutes of reading the first files, whose results a usage error would then discard.
		for (const path of paths) {
			await refuseUnusable(path);
		}

		const reports: FileReport[] = [];
		for (const path of paths) {
			const report = await verifyFile(path, io, values.json);
			reports.push(report);
			if (!values.json) {
				io.stdout.write(formatReport(report));
			}
		}

		const bad = reports.filter(report => !report.ok);
		if (values.json) {
			// null rather than absent, so that scripts can test every field.
			io.stdout.write(JSON.stringify({ok: bad.length === 0, files: reports}, (_key, value: unknown) => value ?? null) + '\n');
		}

		if (bad.length > 0 && !values.json) {
			const names = bad.map(report => printable(basename(report.file))).join(', ');
			io.stderr.write(`fusdeck: ${names} ${bad.length === 1 ? 'fails' : 'fail'} the check: the file is damaged or incomplete; download it again (fusdeck download resumes and verifies)\n`);
		}

		return bad.length > 0 ? exitCodes.verify : exitCodes.ok;
	},
};

async function verifyFile(path: string, io: CommandIO, json: boolean): Promise<FileReport> {
	const progress = progressReporter(io, json);
	try {
		if (/\.tar\.md5$/i.test(path)) {
			const member = await checkTarMd5File(path, {signal: io.signal, onBytes: progress.add});
			return {file: path, kind: 'tar.md5', ok: member.problem === undefined, problem: undefined, members: [member]};
		}

		const members: MemberReport[] = [];
		try {
			for await (const {entry: _entry, ...member} of checkZipMembers(path, {signal: io.signal, onBytes: progress.add})) {
				members.push(member);
			}
		} catch (error) {
			// One file that is not a zip must not stop the check of the others.
			if (error instanceof VerifyError) {
				// The reader's message also suspects a wrong key, which means nothing for a file that was never encrypted.
				const why = /\(([^)]*)\)/.exec(error.message)?.[1];
				return {file: path, kind: 'zip', ok: false, problem: `not a valid zip${why ? ` (${why})` : ''}: not firmware, or damaged`, members};
			}

			throw error;
		}

		const problem = members.length === 0 ? 'a zip without members: not firmware' : undefined;
		return {file: path, kind: 'zip', ok: problem === undefined && members.every(member => member.problem === undefined), problem, members};
	} finally {
		progress.done();
	}
}

/** The mistakes worth a sentence of their own: no such file, a folder, a download still encrypted. */
async function refuseUnusable(path: string): Promise<void> {
	if (/\.enc[24]$/i.test(path)) {
		throw new UsageError(`${quote(basename(path), 200)} is still encrypted: fusdeck decrypt checks it while decrypting (fusdeck decrypt FILE --key HEX, see fusdeck decrypt --help)`);
	}

	try {
		// Opening a folder read-only succeeds on Linux; only reading it fails, so ask first.
		if ((await stat(path)).isDirectory()) {
			throw Object.assign(new Error('a folder'), {code: 'EISDIR'});
		}

		const handle = await open(path, 'r');
		await handle.close();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be opened (${(error as Error).message})`;
		throw new UsageError(`${quote(path, 200)} ${why}`);
	}
}

/** A line on a terminal's stderr while a big file is read: how many bytes so far. */
function progressReporter(io: CommandIO, json: boolean): {add(bytes: number): void; done(): void} {
	const live = !json && Boolean((io.stderr as {isTTY?: boolean}).isTTY);
	let bytes = 0;
	let shown = 0;
	return {
		add(count) {
			bytes += count;
			if (live && bytes - shown >= 256 * 2 ** 20) {
				shown = bytes;
				io.stderr.write(`\rverifying: ${(bytes / 1e9).toFixed(1)} GB read\u001B[K`);
			}
		},
		done() {
			if (live && shown > 0) {
				io.stderr.write('\r\u001B[K');
			}
		},
	};
}

function formatReport(report: FileReport): string {
	if (report.problem !== undefined) {
		return `${printable(report.file)}: BAD: ${report.problem}\n`;
	}

	const bad = report.members.filter(member => member.problem !== undefined);
	const what = report.kind === 'zip' ? `${report.members.length} member(s)` : 'Odin package';
	// An intact zip without Odin packages is not firmware; say so rather than let "all check out" suggest it is.
	const note = report.kind === 'zip' && !report.members.some(member => member.md5) ? ' (CRC32 only: no .tar.md5 member, so no Odin firmware)' : '';
	const lines = [`${printable(report.file)}: ${what}, ${bad.length === 0 ? 'all check out' : `${bad.length} of ${report.members.length} fail`}${note}`];
	// Member names come from the file: nothing in them may drive the terminal.
	const names = report.members.map(member => printable(member.name));
	const width = Math.max(...names.map(name => name.length), 4);
	for (const [index, member] of report.members.entries()) {
		const check = member.md5 ? `MD5 ${member.md5.actual}` : 'CRC32';
		lines.push(`  ${member.problem === undefined ? 'ok ' : 'BAD'}  ${names[index]!.padEnd(width)}  ${member.problem ?? `${check} ok`}`);
	}

	return lines.join('\n') + '\n';
}

