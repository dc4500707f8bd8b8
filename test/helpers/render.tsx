import {EventEmitter} from 'node:events';
import {render, type Instance} from 'ink';
import type {ReactElement} from 'react';
import {keySequence} from '../../source/ui/key-names.js';
import {commandById, type CommandId} from '../../source/ui/keys.js';

/** A terminal of a given size that keeps every frame Ink writes. */
class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (frame: string, ...rest: unknown[]) => {
		// Ink ends with a bare newline when it unmounts; that is not a frame.
		if (frame !== '\n') this.frames.push(frame);
		const done = rest.find(argument => typeof argument === 'function') as (() => void) | undefined;
		done?.();
		return true;
	};
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	#data: string | null = null;
	write(data: string) {
		this.#data = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read = () => {
		const data = this.#data;
		this.#data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export type RenderedApp = {
	lastFrame(): string;
	frames: readonly string[];
	/** Types raw text (or a key sequence). */
	type(text: string): void;
	resize(columns: number, rows: number): void;
	unmount(): void;
	instance: Instance;
};

/** Renders at a real terminal size: 80×24 unless told otherwise (ink-testing-library is fixed at 100 columns). */
export function renderAt(node: ReactElement, size: {columns?: number; rows?: number} = {}): RenderedApp {
	const stdout = new FakeStdout(size.columns ?? 80, size.rows ?? 24);
	const stdin = new FakeStdin();
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		lastFrame: () => stdout.frames.at(-1) ?? '',
		frames: stdout.frames,
		type: text => stdin.write(text),
		resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		unmount: () => instance.unmount(),
		instance,
	};
}

/** Presses the first key bound to a command, resolved through the key table. */
export function press(app: RenderedApp, id: CommandId): void {
	app.type(keySequence(commandById(id).keys[0]!));
}

/** Polls the last frame until it matches; no fixed sleeps. */
export async function waitForFrame(app: RenderedApp, predicate: RegExp | ((frame: string) => boolean), timeoutMs = 2000): Promise<string> {
	const matches = typeof predicate === 'function' ? predicate : (frame: string) => predicate.test(frame);
	const end = Date.now() + timeoutMs;
	for (;;) {
		const frame = app.lastFrame();
		if (matches(frame)) return frame;
		if (Date.now() > end) throw new Error(`no frame matched ${String(predicate)} within ${timeoutMs} ms; last frame:\n${frame}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

/** Lines of a frame, for size checks. */
export function frameLines(frame: string): string[] {
	return frame.split('\n');
}
