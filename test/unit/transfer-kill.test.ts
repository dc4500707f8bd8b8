import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {checkpointedBytes, startHarness, sha256File, waitFor} from '../helpers/transfer-harness.js';

const child = fileURLToPath(new URL('../helpers/download-child.js', import.meta.url));
const finalName = 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip';


for (const fraction of [0.25, 0.5, 0.85]) {
	test(`kill -9 at ${fraction * 100}% of the bytes, then resume: identical SHA-256, only missing bytes fetched`, async () => {
		const h = await startHarness();
		try {
			const {remote} = h.firmware;
			h.server.faults.holdAfterBytes = Math.floor(remote.size * fraction);
			const config = {url: h.server.url, destDir: h.dir, connections: 2, remote: {...remote, key: undefined, keyHex: remote.key.toString('hex')}};
			const process_ = spawn(process.execPath, [child, JSON.stringify(config)], {stdio: ['ignore', 'pipe', 'inherit']});
			const exited = once(process_, 'exit');
			await h.server.held;
			const sidecar = join(h.dir, `${finalName}.part.json`);
			await waitFor(async () => await checkpointedBytes(sidecar) > 0, 'a checkpoint with progress');
			process_.kill('SIGKILL');
			const [, signal] = await exited;
			assert.equal(signal, 'SIGKILL');

			const saved = await checkpointedBytes(sidecar);
			await waitFor(() => h.server.openResponses === 0, 'the killed connections to close');
			h.server.release();
			const sentBefore = h.server.bytesSent;
			const result = await h.download();
			assert.equal(result.resumedBytes, saved);
			assert.equal(h.server.bytesSent - sentBefore, remote.size - saved);
			assert.equal(await sha256File(result.path), h.firmware.sha256);
			assert.deepEqual(await h.files(), [finalName]);
		} finally {
			await h.close();
		}
	});
}
