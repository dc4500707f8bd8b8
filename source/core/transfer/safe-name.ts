import {TransferError} from '../errors.js';

/**
 * Reduces a server-supplied BINARY_NAME to the final file name on disk, or refuses it: no separators,
 * no `..`, no control characters, bounded length, and the `.enc2`/`.enc4` suffix removed.
 */
export function finalFileName(binaryName: string): string {
	const name = binaryName.replace(/\.enc[24]$/i, '');
	// eslint-disable-next-line no-control-regex
	if (name === '' || name.length > 200 || /[/\\\u0000-\u001F\u007F]/.test(name) || name === '.' || name === '..' || name.startsWith('.')) {
		throw new TransferError('UNSAFE_NAME', `The server offered the file name "${binaryName.slice(0, 80).replaceAll(/[\u0000-\u001F\u007F]/g, '?')}", which is not a plain file name; refusing to write it`, {stage: 'download'});
	}

	return name;
}
