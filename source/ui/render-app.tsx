import process from 'node:process';
import {render, type Instance} from 'ink';
import {App} from './app.js';
import type {AppServices} from './services.js';
import {themeFor} from './theme/theme.js';

export type RenderAppOptions = {
	/** Environment for NO_COLOR; defaults to process.env. */
	env?: Record<string, string | undefined>;
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
	/** Draw on the alternate screen (restores the terminal on exit). Default true. */
	alternateScreen?: boolean;
};

/**
 * Starts the workstation. `fusdeck` with no subcommand calls this; await `waitUntilExit()`, then
 * stop the queue and close the services. Ctrl-C is a key here (quit, asking while downloads run),
 * not an immediate exit.
 */
export function renderApp(services: AppServices, options: RenderAppOptions = {}): Instance {
	const env = options.env ?? process.env;
	return render(<App services={services} theme={themeFor(env)}/>, {
		stdout: options.stdout ?? process.stdout,
		stdin: options.stdin ?? process.stdin,
		stderr: options.stderr ?? process.stderr,
		exitOnCtrlC: false,
		// Ink turns live rendering off when CI is set; a person at a terminal still needs it.
		interactive: Boolean((options.stdout ?? process.stdout).isTTY),
		patchConsole: true,
		alternateScreen: options.alternateScreen ?? true,
	});
}
