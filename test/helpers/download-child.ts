/**
 * Runs one download in a child process so a test can SIGKILL it mid-way. Argument: JSON with the
 * server URL, the folder and the remote file (key in hex).
 */
import {downloadFile} from '../../source/core/transfer/download-file.js';
import {HttpSource} from './http-source.js';

type ChildConfig = {url: string; destDir: string; remote: {binaryName: string; size: number; crc32?: number; version: string; keyHex: string}; connections: number};

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const source = new HttpSource(config.url);
const result = await downloadFile({
	source,
	remote: {...config.remote, key: Buffer.from(config.remote.keyHex, 'hex')},
	destDir: config.destDir,
	connections: config.connections,
	checkpointIntervalMs: 20,
	maxLeaseBytes: 256 * 1024,
});
process.stdout.write(JSON.stringify(result) + '\n');
await source.close();
