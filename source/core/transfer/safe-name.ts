/**
 * Names from the server become plain file names before they touch the disk. Anything that could
 * climb out of the download folder, hide, or confuse another platform is refused, not repaired:
 * a server that sends such a name is not one to trust with a rewrite.
 */
import {basename, resolve, sep} from 'node:path';
import {TransferError} from '../errors.js';

const maxBytes = 200; // leaves room for `.part.json` and `.failed` under the 255-byte limit of most file systems
const windowsReserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;

export function safeFileName(name: string): string {
	const refuse = (why: string): never => {
		throw new TransferError('UNSAFE_NAME', `Refusing the server's file name ${JSON.stringify(name.slice(0, 80))}: ${why}. Nothing was written; report this server`, {stage: 'download'});
	};

	if (name.length === 0) {
		refuse('it is empty');
	}

	if (controlCharacters.test(name)) {
		refuse('it contains control characters');
	}

	if (/[/\\:]/.test(name)) {
		refuse('it contains a path separator or drive letter');
	}

	if (name.includes('..') || name === '.') {
		refuse('it contains ".."');
	}

	if (/^[. ]|[. ]$/.test(name)) {
		refuse('it starts or ends with a space or a dot');
	}

	if (windowsReserved.test(name)) {
		refuse('it is a reserved device name');
	}

	if (Buffer.byteLength(name) > maxBytes) {
		refuse(`it is longer than ${maxBytes} bytes`);
	}

	return name;
}

/** The decrypted file's name: BINARY_NAME without `.enc2`/`.enc4`. */
export function finalNameFor(binaryName: string): string {
	return safeFileName(binaryName).replace(/\.enc[24]$/i, '');
}

/** Where the encrypted bytes go with --keep-encrypted: BINARY_NAME itself (or `<name>.enc` if it had no suffix). */
export function encryptedNameFor(binaryName: string): string {
	const name = safeFileName(binaryName);
	return /\.enc[24]$/i.test(name) ? name : `${name}.enc`;
}

/** Joins a checked name to the folder and proves the result is directly inside it. */
export function pathInside(directory: string, name: string): string {
	const folder = resolve(directory);
	const path = resolve(folder, name);
	if (!path.startsWith(folder + sep) || basename(path) !== name) {
		throw new TransferError('UNSAFE_NAME', `Refusing to write ${name} outside ${folder}`, {stage: 'download', path});
	}

	return path;
}
