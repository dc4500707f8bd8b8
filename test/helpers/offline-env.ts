/**
 * An environment in which the CLI cannot reach any real server or touch the user's files: every
 * endpoint is a loopback port that was just closed, the config folder is a temp dir, and the
 * signal is already aborted, so a command that gets as far as the network stops at once.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';

export type OfflineEnv = {env: Record<string, string>; dir: string; closedUrl: string; aborted: AbortSignal; cleanup(): void};

export async function closedLoopbackUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

export async function offlineEnv(): Promise<OfflineEnv> {
	const dir = mkdtempSync(path.join(tmpdir(), 'fusdeck-offline-'));
	const closedUrl = await closedLoopbackUrl();
	const controller = new AbortController();
	controller.abort();
	return {
		env: {
			FUSDECK_CONFIG_DIR: path.join(dir, 'config'),
			FUSDECK_FUS_URL: closedUrl,
			FUSDECK_DOWNLOAD_URL: closedUrl,
			FUSDECK_FOTA_URL: closedUrl,
			HOME: dir,
		},
		dir,
		closedUrl,
		aborted: controller.signal,
		cleanup: () => rmSync(dir, {recursive: true, force: true}),
	};
}
