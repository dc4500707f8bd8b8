import {execFileSync} from 'node:child_process';

/**
 * Drives a program in a real pty through tmux: send keys, read the screen, wait for text.
 * Each instance owns one detached session on its own socket, so tests never touch the user's tmux.
 */
export class TmuxSession {
	readonly name: string;
	private readonly socket: string;

	constructor(command: string[], options: {columns?: number; rows?: number; env?: Record<string, string>; cwd?: string} = {}) {
		this.name = `fusdeck-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
		this.socket = this.name;
		const env = Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)}`).join(' ');
		const shellCommand = `${env ? `env ${env} ` : ''}${command.map(shellQuote).join(' ')}; echo "[exited $?]"; sleep 600`;
		this.tmux(['new-session', '-d', '-s', this.name, '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), ...(options.cwd ? ['-c', options.cwd] : []), shellCommand]);
	}

	static available(): boolean {
		try {
			execFileSync('tmux', ['-V'], {stdio: 'ignore'});
			return true;
		} catch {
			return false;
		}
	}

	/** tmux key names (Enter, Tab, Escape, Up, Down, Space, C-c) or literal text with `literal`. */
	send(keys: string, options: {literal?: boolean} = {}): void {
		this.tmux(['send-keys', '-t', this.name, ...(options.literal ? ['-l'] : []), keys]);
	}

	screen(): string {
		return this.tmux(['capture-pane', '-p', '-t', this.name]);
	}

	async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
		const end = Date.now() + timeoutMs;
		for (;;) {
			const screen = this.screen();
			if (pattern.test(screen)) {
				return screen;
			}

			if (Date.now() > end) {
				throw new Error(`screen did not match ${pattern} within ${timeoutMs} ms:\n${screen}`);
			}

			await new Promise(resolve => setTimeout(resolve, 100));
		}
	}

	kill(): void {
		try {
			this.tmux(['kill-server']);
		} catch {
			// Already gone.
		}
	}

	private tmux(args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}
}

function shellQuote(value: string): string {
	return /^[\w./:=@%+-]+$/.test(value) ? value : `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}
