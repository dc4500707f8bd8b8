import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** The built binary, as users run it. */
export const binPath = fileURLToPath(new URL('../../../bin/fusdeck.js', import.meta.url));

export type ProcessResult = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/** Runs `node bin/fusdeck.js …` as a separate process with the given environment additions. */
export async function runBinary(args: string[], env: Record<string, string> = {}, options: {timeoutMs?: number} = {}): Promise<ProcessResult> {
	const child = spawn(process.execPath, [binPath, ...args], {
		env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr});
		});
	});
}
