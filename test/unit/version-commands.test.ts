import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {offlineEnv} from '../helpers/offline-env.js';
import {runCliCaptured} from '../helpers/run-cli.js';
import {startFotaServer} from '../helpers/fota-server.js';
import {allCscs} from '../../source/core/catalog/cscs.js';

const pairs = {
	'SM-S918B/EUX': 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1',
	'SM-S918B/BTU': 'S918BXXS7DYI2/S918BOXM7DYI2/S918BXXS7DYI2/S918BXXS7DYI2',
	'SM-S918B/XEF': null,
};

test('check prints the latest version, and a known pair without firmware says what to try', async t => {
	const fota = await startFotaServer(pairs);
	t.after(async () => fota.close());
	const env = {FUSDECK_FOTA_URL: fota.url};
	const ok = await runCliCaptured(['check', 'sm-s918b', 'eux', '--json'], env);
	assert.equal(ok.code, 0, ok.stderr);
	assert.equal(JSON.parse(ok.stdout).latest, 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1');
	const none = await runCliCaptured(['check', 'SM-S918B', 'XEF'], env);
	assert.equal(none.code, 3);
	assert.match(none.stderr, /No firmware found .* try the open multi-CSC/);
	const unknown = await runCliCaptured(['check', 'SM-S918B', 'ZZZ'], env);
	assert.equal(unknown.code, 3);
	assert.match(unknown.stderr, /No firmware is published for SM-S918B with CSC ZZZ/);
	const typo = await runCliCaptured(['check', 'SM-S918B', 'EXU'], env);
	assert.equal(typo.code, 3);
	assert.match(typo.stderr, /fix: EXU is not a CSC fusdeck knows \(did you mean EUX or XEU\?\): check the CSC/);
	const noCsc = await runCliCaptured(['check', 'SM-S918B'], env);
	assert.equal(noCsc.code, 2);
	assert.match(noCsc.stderr, /check: give a CSC .*; fusdeck compare SM-S918B \[CSC\.\.\.\] checks several side by side/);
	const twoCscs = await runCliCaptured(['check', 'SM-S918B', 'EUX', 'XEF'], env);
	assert.equal(twoCscs.code, 2, 'a second CSC is not silently ignored');
	assert.match(twoCscs.stderr, /check takes MODEL and CSC, not also "XEF"\. fusdeck compare SM-S918B/);
	const regions = await runCliCaptured(['regions', 'SM-S918B', 'eux'], env);
	assert.equal(regions.code, 2);
	assert.match(regions.stderr, /regions takes MODEL, not also "eux"\. To check one CSC: fusdeck check SM-S918B EUX/);
	const history = await runCliCaptured(['history', 'SM-S918B', 'EUX', 'XEF'], env);
	assert.equal(history.code, 2);
	assert.match(history.stderr, /history takes MODEL and CSC, not also "XEF"/);
	const bad = await runCliCaptured(['check', 'S23', 'EUX'], env);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /not a model code/);
});

test('compare orders regions newest first with build dates and months behind', async t => {
	const fota = await startFotaServer(pairs);
	t.after(async () => fota.close());
	const result = await runCliCaptured(['compare', 'SM-S918B', 'BTU', 'EUX', 'XEF', 'ZZZ', '--json'], {FUSDECK_FOTA_URL: fota.url});
	assert.equal(result.code, 0, result.stderr);
	const rows = JSON.parse(result.stdout) as Array<{csc: string; state: string; newest: boolean; build_date: string | null; behind_months: number | null}>;
	assert.deepEqual(rows.map(row => [row.csc, row.state, row.newest, row.build_date, row.behind_months]), [
		['EUX', 'ok', true, '2025-11', 0],
		['BTU', 'ok', false, '2025-09', 2],
		['XEF', 'none', false, null, null],
		['ZZZ', 'unknown', false, null, null],
	]);
	const text = await runCliCaptured(['compare', 'SM-S918B', 'EUX', 'ZZZ'], {FUSDECK_FOTA_URL: fota.url});
	assert.match(text.stdout, /^  ZZZ  \? +- .*not published for this model; ZZZ is not a CSC fusdeck knows \(a typo\? fusdeck cscs lists them\)$/m);
	assert.match(text.stdout, /^\* EUX  Europe +S918BXXS8DYK1 +2025-11 +15$/m, 'a known code gets no such note');
	const usage = await runCliCaptured(['compare', 'SM-S918B', '--concurrency', '0'], {FUSDECK_FOTA_URL: fota.url});
	assert.equal(usage.code, 2);
});

test('regions probes every catalog CSC, lists exactly the pairs the server knows, and answers from cache next time', async t => {
	const fota = await startFotaServer(pairs);
	const config = await mkdtemp(join(tmpdir(), 'fusdeck-regions-'));
	t.after(async () => {
		await fota.close();
		await rm(config, {recursive: true, force: true});
	});
	const env = {FUSDECK_FOTA_URL: fota.url, FUSDECK_CONFIG_DIR: config};
	const first = await runCliCaptured(['regions', 'SM-S918B', '--json'], env);
	assert.equal(first.code, 0, first.stderr);
	const answer = JSON.parse(first.stdout) as {from_cache: boolean; regions: Array<{csc: string; state: string}>};
	assert.equal(answer.from_cache, false);
	assert.deepEqual(answer.regions.map(region => [region.csc, region.state]).sort(), [['BTU', 'ok'], ['EUX', 'ok'], ['XEF', 'none']]);
	assert.equal(fota.requests.length, allCscs().length);
	const second = await runCliCaptured(['regions', 'SM-S918B', '--json'], env);
	assert.equal(JSON.parse(second.stdout).from_cache, true);
	assert.equal(fota.requests.length, allCscs().length, 'the cached answer asks the server nothing');
	assert.equal(JSON.parse(second.stdout).known_model, true);
	const typo = await runCliCaptured(['regions', 'SM-S91B'], env);
	assert.equal(typo.code, 0, typo.stderr);
	assert.match(typo.stdout, /SM-S91B: 0 CSCs carry firmware\n {2}SM-S91B is not a model fusdeck knows either: check the code/);
	const typoJson = await runCliCaptured(['regions', 'SM-S91B', '--json'], env);
	assert.equal(JSON.parse(typoJson.stdout).known_model, false);
});

test('compare and regions say on stderr why, when every CSC failed', async t => {
	const offline = await offlineEnv();
	t.after(() => offline.cleanup());
	for (const argv of [['compare', 'SM-S918B', 'EUX', 'XEF'], ['regions', 'SM-S918B']]) {
		const result = await runCliCaptured(argv, offline.env, {signal: offline.aborted});
		assert.equal(result.code, 130, argv.join(' '));
		assert.match(result.stderr, /^fusdeck: (no CSC could be (checked|probed) for SM-S918B: \d+ requests failed \(first: Cancelled\)|Region discovery for SM-S918B was cancelled)/m);
	}

	const again = await runCliCaptured(['regions', 'SM-S918B', '--json'], offline.env, {signal: offline.aborted});
	assert.notEqual(JSON.parse(again.stdout.trim().split('\n')[0]!).from_cache, true, 'the failed probe was not cached');
});
