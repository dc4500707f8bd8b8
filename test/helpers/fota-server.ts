/** A version.xml host for command tests: known pairs answer, unknown ones get S3's 403 AccessDenied. */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';

export async function startFotaServer(pairs: Record<string, string | null>): Promise<{url: string; requests: string[]; close(): Promise<void>}> {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		requests.push(request.url ?? '');
		const match = /^\/firmware\/([^/]+)\/([^/]+)\/version\.xml$/.exec(request.url ?? '');
		const key = match ? `${decodeURIComponent(match[2]!)}/${decodeURIComponent(match[1]!)}` : '';
		if (!(key in pairs)) {
			response.writeHead(403, {'content-type': 'application/xml'}).end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
			return;
		}

		const latest = pairs[key];
		const [model, csc] = key.split('/');
		response.writeHead(200, {'content-type': 'text/xml'}).end(`<?xml version="1.0" encoding="UTF-8"?><versioninfo><firmware><model>${model}</model><cc>${csc}</cc><version>${latest ? `<latest o="15">${latest}</latest>` : '<latest/>'}<upgrade/></version></firmware></versioninfo>`);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {url: `http://127.0.0.1:${port}`, requests, close: async () => new Promise<void>(resolve => server.close(() => resolve()))};
}
