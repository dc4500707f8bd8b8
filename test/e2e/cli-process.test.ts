/** The built binary as users run it: the emulator as one process, fusdeck commands as others. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {binPath, runBinary} from '../helpers/spawn-cli.js';

test('fusdeck emulator serves fusdeck check, compare and explain run as separate processes', async t => {
	const emulator = spawn(process.execPath, [binPath, 'emulator', '--json'], {stdio: ['ignore', 'pipe', 'inherit']});
	t.after(() => {
		emulator.kill('SIGTERM');
	});
	const [line] = (await once(emulator.stdout, 'data')) as [Buffer];
	const {url} = JSON.parse(line.toString()) as {url: string};
	const env = {FUSDECK_FUS_URL: url, FUSDECK_DOWNLOAD_URL: url, FUSDECK_FOTA_URL: url};

	const check = await runBinary(['check', 'SM-S918B', 'EUX'], env);
	assert.equal(check.code, 0, check.stderr);
	assert.match(check.stdout, /latest {3}S918BXXS8DYK1\/S918BOXM8DYK1\/S918BXXS8DYK1\/S918BXXS8DYK1/);

	const unknown = await runBinary(['check', 'SM-S918B', 'ZZZ', '--json'], env);
	assert.equal(unknown.code, 3);
	assert.equal(JSON.parse(unknown.stdout).error.code, 'UNKNOWN_PAIR');
	assert.equal(unknown.stderr.trim().split('\n')[0], 'fusdeck: No firmware is published for SM-S918B with CSC ZZZ (HTTP 403): check the model code and CSC');

	const usage = await runBinary(['check', 'SM-S918B'], env);
	assert.equal(usage.code, 2);
	assert.match(usage.stderr, /give a CSC/);

	const bad = await runBinary(['check', 'SM-S918B', 'EUX', '--fota-url', 'not a url']);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /Bad server URL: --fota-url is not a URL: "not a url"/);
});

test('fusdeck emulator documents --bandwidth and --firmware-size, takes K/M/G sizes, and refuses unreadable ones', async t => {
	const help = await runBinary(['emulator', '--help']);
	assert.equal(help.code, 0);
	assert.match(help.stdout, /--bandwidth BYTES_PER_S/);
	assert.match(help.stdout, /--firmware-size SIZE/);

	const bad = await runBinary(['emulator', '--bandwidth', '20Q']);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /--bandwidth takes a size .* not "20Q"/);

	const emulator = spawn(process.execPath, [binPath, 'emulator', '--json', '--bandwidth', '512K', '--firmware-size', '1M'], {stdio: ['ignore', 'pipe', 'inherit']});
	t.after(() => {
		emulator.kill('SIGTERM');
	});
	const [line] = (await once(emulator.stdout, 'data')) as [Buffer];
	const {url} = JSON.parse(line.toString()) as {url: string};
	const faults = await (await fetch(`${url}/__emulator/faults`, {method: 'POST', body: '{}'})).json() as {bandwidthPerConnection?: number};
	assert.equal(faults.bandwidthPerConnection, 512 * 1024);
});
