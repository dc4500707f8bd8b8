import {runCli} from '../../source/cli.js';

export type CliResult = {code: number; stdout: string; stderr: string};

/** Runs the CLI in-process with captured output; env defaults to an empty environment. */
export async function runCliCaptured(argv: string[], env: Record<string, string | undefined> = {}, options: {signal?: AbortSignal; cwd?: string} = {}): Promise<CliResult> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(argv, {
		stdout: {write: (text: string) => (stdout += text)},
		stderr: {write: (text: string) => (stderr += text)},
		env,
		cwd: options.cwd ?? process.cwd(),
		signal: options.signal,
	});
	return {code, stdout, stderr};
}
