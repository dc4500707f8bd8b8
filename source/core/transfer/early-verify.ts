/**
 * Verifies the `.tar.md5` members while the download is still running, so that the MD5 pass costs
 * no time of its own: the engine fetches the end of the file first (padding and zip directory),
 * then this hashes each stored member as the decrypted bytes from the start of the file become
 * complete on disk, reading them back from the page cache. It runs in a worker thread
 * (early-verify-thread.ts) and reads synchronously there.
 *
 * It is an optimisation with a safe way out: anything unusual (a deflated member, a directory that
 * is not in the fetched tail, a damaged record) makes `finish()` return undefined, and the engine
 * runs the full verification after the download as before. A mismatch is a real failure.
 */
import {readSync} from 'node:fs';
import {open, type FileHandle} from 'node:fs/promises';
import {VerifyError} from '../errors.js';
import {pkcs7PaddingLength} from '../fus/crypto.js';
import {checkTarMd5} from './tar-md5.js';
import {memberVerdict, type MemberCheck} from './verify-zip.js';
import {memberDataStart, readDirectory, type ZipEntry} from './zip-reader.js';

/** Bytes at the end of the file fetched first: the last block (padding) and the zip directory. */
const tailBytes = 1 << 20;

/** Where the tail fetched first starts (16-aligned, since the size is). */
export function tailStartOf(size: number): number {
	return Math.max(0, size - tailBytes);
}

const readBytes = 1 << 20;

export class EarlyVerifier {
	#prefix = 0;
	#tailReady = false;
	#stopped = false;
	#wake: (() => void) | undefined;
	readonly #done: Promise<MemberCheck[] | undefined>;

	constructor(private readonly partPath: string, private readonly size: number) {
		this.#done = this.#run();
		this.#done.catch(() => undefined); // awaited by finish(); this only keeps it from counting as unhandled
	}

	/** The decrypted bytes [0, prefix) are on disk, and whether the tail is too. */
	update(prefix: number, tailReady: boolean): void {
		if (prefix > this.#prefix || (tailReady && !this.#tailReady)) {
			this.#prefix = Math.max(this.#prefix, prefix);
			this.#tailReady ||= tailReady;
			this.#wake?.();
		}
	}

	/** The download stopped (failure, pause, cancel): stop reading. */
	stop(): void {
		this.#stopped = true;
		this.#wake?.();
	}

	/** After the whole file is on disk: the checked members, or undefined when the full pass must run. */
	async finish(): Promise<MemberCheck[] | undefined> {
		this.update(this.size, true);
		return this.#done;
	}

	async #until(condition: () => boolean): Promise<boolean> {
		while (!condition()) {
			if (this.#stopped) {
				return false;
			}

			await new Promise<void>(resolve => {
				this.#wake = resolve;
			});
		}

		return !this.#stopped;
	}

	async #run(): Promise<MemberCheck[] | undefined> {
		if (!(await this.#until(() => this.#tailReady))) {
			return undefined;
		}

		let handle: FileHandle | undefined;
		try {
			handle = await open(this.partPath, 'r');
			const plainSize = await this.#plainSize(handle);
			const entries = plainSize === undefined ? undefined : await this.#directory(handle, plainSize);
			if (!entries) {
				return undefined;
			}

			const checked: MemberCheck[] = [];
			for (const entry of entries) {
				const result = await this.#checkMember(handle, entry);
				if (!result) {
					return undefined;
				}

				checked.push(result);
			}

			return checked;
		} catch (error) {
			if (error instanceof VerifyError && error.code === 'MD5_MISMATCH') {
				throw error;
			}

			return undefined; // anything else: let the full pass find and report it
		} finally {
			await handle?.close();
		}
	}

	async #plainSize(handle: FileHandle): Promise<number | undefined> {
		const last = Buffer.alloc(16);
		await handle.read(last, 0, 16, this.size - 16);
		const pad = pkcs7PaddingLength(last);
		return pad === undefined ? undefined : this.size - pad;
	}

	/** The .tar.md5 members in file order, if the directory lies within the tail and every one is stored. */
	async #directory(handle: FileHandle, plainSize: number): Promise<ZipEntry[] | undefined> {
		const entries = await readDirectory(handle, this.partPath, plainSize);
		const members = entries.filter(entry => entry.name.toLowerCase().endsWith('.tar.md5')).sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
		return members.every(entry => entry.method === 0) ? members : undefined;
	}

	async #checkMember(handle: FileHandle, entry: ZipEntry): Promise<MemberCheck | undefined> {
		if (!(await this.#until(() => this.#prefix >= entry.localHeaderOffset + 30))) {
			return undefined;
		}

		const header = Buffer.alloc(30);
		await handle.read(header, 0, 30, entry.localHeaderOffset);
		const start = memberDataStart(header, entry, this.partPath);
		const end = start + entry.compressedSize;
		const result = await checkTarMd5(this.#bytes(handle, start, end));
		if (this.#stopped && this.#prefix < end) {
			return undefined;
		}

		return memberVerdict(entry.name, result, this.partPath);
	}

	/**
	 * The bytes [start, end) of the .part file, each piece once it is complete on disk. One buffer
	 * serves every read: checkTarMd5 hashes (or copies the last bytes of) a piece before asking for the next.
	 */
	async * #bytes(handle: FileHandle, start: number, end: number): AsyncIterable<Buffer> {
		const buffer = Buffer.allocUnsafe(readBytes);
		for (let position = start; position < end;) {
			if (!(await this.#until(() => this.#prefix > position))) {
				return;
			}

			const length = Math.min(end, this.#prefix, position + readBytes) - position;
			// Synchronous on purpose: this runs in the verification worker, where blocking harms no one, and a
			// page-cache read through the thread pool cost a wake-up of another thread per MiB (0.8 s per 2 GiB here).
			const bytesRead = readSync(handle.fd, buffer, 0, length, position);
			if (bytesRead !== length) {
				throw new Error(`short read at ${position}`);
			}

			position += length;
			yield buffer.subarray(0, length);
		}
	}
}
