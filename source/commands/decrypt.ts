import {quote} from '../core/quote.js';
import {mkdir} from 'node:fs/promises';
import {basename, dirname, join, resolve} from 'node:path';
import {UsageError} from '../core/errors.js';
import {enc2Key, enc4Key} from '../core/fus/crypto.js';
import {decryptFile, type DecryptResult} from '../core/transfer/decrypt-file.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command} from './types.js';

const options = {
	...outputOptions,
	enc2: {type: 'boolean', default: false},
	model: {type: 'string'},
	csc: {type: 'string'},
	version: {type: 'string'},
	'logic-value': {type: 'string'},
	key: {type: 'string'},
	out: {type: 'string'},
} as const;

const keyHelp = 'give --key HEX (ENC4), --enc2 --model M --csc C --version V, or --version V --logic-value LV';

/** The AES key from whichever way the user gave it. */
export function keyFrom(values: {enc2?: boolean; model?: string; csc?: string; version?: string; 'logic-value'?: string; key?: string}): Buffer {
	if (values.key !== undefined) {
		if (!/^[\da-fA-F]{32}$/.test(values.key)) {
			throw new UsageError(`--key takes 32 hex digits (a 16-byte AES key), not ${quote(values.key)}`);
		}

		return Buffer.from(values.key, 'hex');
	}

	if (values.enc2 || values.model !== undefined || values.csc !== undefined) {
		if (!values.model || !values.csc || !values.version) {
			throw new UsageError('ENC2 decryption needs --model, --csc and --version (the full four-part version)');
		}

		return enc2Key(values.csc.toUpperCase(), values.model.toUpperCase(), values.version.toUpperCase());
	}

	if (values.version && values['logic-value']) {
		if (values['logic-value'].length < 16) {
			throw new UsageError('--logic-value must have at least 16 characters (LOGIC_VALUE_FACTORY from the inform reply)');
		}

		// The key picks characters of the version by index, so a PDA alone (13 characters) cannot make it.
		if (values.version.length < 16) {
			throw new UsageError(`--version must be the full version the inform reply named (PDA/CSC/MODEM/BOOTLOADER, e.g. S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1), not ${quote(values.version)}`);
		}

		return enc4Key(values.version, values['logic-value']);
	}

	throw new UsageError(`decrypt needs a key: ${keyHelp}`);
}

function outputFor(input: string, outDir: string | undefined): string {
	const name = basename(input);
	const stripped = name.replace(/\.enc[24]$/i, '');
	if (stripped === name) {
		throw new UsageError(`${quote(input, 200)} does not end in .enc2 or .enc4; rename it so the output name is clear`);
	}

	return join(outDir ?? dirname(input), stripped);
}

export const decryptCommand: Command = {
	name: 'decrypt',
	summary: 'decrypt downloaded .enc2/.enc4 files offline and verify them',
	usage: [
		'Usage: fusdeck decrypt FILE... [--key HEX | --enc2 --model M --csc C --version V | --version V --logic-value LV] [--out DIR] [--json]',
		'',
		'Decrypts each FILE (AES-128-ECB), checks its padding and every .tar.md5 member, and writes the zip',
		'next to it (or into --out) without the .enc2/.enc4 suffix. Nothing is written unless all checks pass.',
		'',
		'  --key HEX            the ENC4 key (32 hex digits)',
		'  --enc2               ENC2: the key is derived from --model, --csc and --version',
		'  --logic-value LV     ENC4: derive the key from --version and LOGIC_VALUE_FACTORY',
		'  --out DIR            write the output into DIR',
		'  --json               print one JSON document',
	].join('\n'),
	async run(args, io) {
		const {values, positionals} = parseCommandArgs('decrypt', args, options);
		if (positionals.length === 0) {
			throw new UsageError('decrypt needs at least one FILE. See: fusdeck decrypt --help');
		}

		const key = keyFrom(values);
		const outDir = values.out === undefined ? undefined : resolve(io.cwd, values.out);
		if (outDir !== undefined) {
			await mkdir(outDir, {recursive: true}).catch((error: NodeJS.ErrnoException) => {
				const why = error.code === 'EEXIST' || error.code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be created (${error.code ?? error.message})`;
				throw new UsageError(`--out ${quote(outDir, 200)} ${why}; give a folder to write into`);
			});
		}

		const results: DecryptResult[] = [];
		for (const file of positionals) {
			const input = resolve(io.cwd, file);
			const result = await decryptFile({input, output: outputFor(input, outDir), key, ...(io.signal ? {signal: io.signal} : {})});
			results.push(result);
			if (!values.json) {
				io.stdout.write(`${result.path}: ${result.bytes} bytes, ${result.members.length} .tar.md5 member(s) verified\n`);
			}
		}

		if (values.json) {
			io.stdout.write(JSON.stringify({ok: true, files: results}) + '\n');
		}

		return exitCodes.ok;
	},
};
