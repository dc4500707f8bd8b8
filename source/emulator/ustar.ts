/**
 * POSIX ustar headers for regular files, enough for Odin packages: a 512-byte header per member,
 * data padded to 512 bytes, two zero blocks at the end.
 */

export const tarBlock = 512;

/** Octal digits, zero-filled to width-1, then NUL (the form GNU and BSD tar both read). */
function octal(value: number, width: number): string {
	const digits = value.toString(8);
	if (digits.length > width - 1) {
		throw new RangeError(`${value} does not fit a ${width}-byte tar field`);
	}

	return digits.padStart(width - 1, '0') + '\0';
}

export type TarFile = {name: string; size: number; modified: Date};

export function ustarHeader(file: TarFile): Buffer {
	if (Buffer.byteLength(file.name) > 100) {
		throw new RangeError(`tar member name longer than 100 bytes: ${file.name}`);
	}

	const header = Buffer.alloc(tarBlock);
	header.write(file.name, 0, 100, 'utf8');
	header.write(octal(0o644, 8), 100, 'latin1');
	header.write(octal(0, 8), 108, 'latin1');
	header.write(octal(0, 8), 116, 'latin1');
	header.write(octal(file.size, 12), 124, 'latin1');
	header.write(octal(Math.floor(file.modified.getTime() / 1000), 12), 136, 'latin1');
	header.write('        ', 148, 'latin1');
	header.write('0', 156, 'latin1');
	header.write('ustar\u000000', 257, 'latin1');
	// Samsung's packages are built by the user "dpi"; harmless, and it looks like the real thing.
	header.write('dpi', 265, 'latin1');
	header.write('dpi', 297, 'latin1');
	let sum = 0;
	for (const byte of header) {
		sum += byte;
	}

	header.write(octal(sum, 7) + ' ', 148, 'latin1');
	return header;
}

/** Zero bytes that bring a member's data up to a whole block. */
export function tarPadding(size: number): Buffer {
	return Buffer.alloc((tarBlock - (size % tarBlock)) % tarBlock);
}

export const tarEnd = (): Buffer => Buffer.alloc(2 * tarBlock);

