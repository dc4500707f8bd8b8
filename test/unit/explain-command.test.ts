import {test} from 'node:test';
import assert from 'node:assert/strict';
import {FusError, UsageError, VerifyError} from '../../source/core/errors.js';
import {reportError} from '../../source/commands/report-error.js';
import type {CommandIO} from '../../source/commands/types.js';
import {runCliCaptured} from '../helpers/run-cli.js';

test('explain prints title, meaning, cause, fix and next action', async () => {
	const result = await runCliCaptured(['explain', '408', '--no-imei']);
	assert.equal(result.code, 0);
	assert.match(result.stdout, /^FUS status 408.*\[fus-408\]$/m);
	assert.match(result.stdout, /^ {2}meaning: /m);
	assert.match(result.stdout, /^ {2}cause: +No IMEI or serial was sent/m);
	assert.match(result.stdout, /^ {2}fix: +Use the Smart protocol/m);
	assert.match(result.stdout, /^ {2}next: .*\[use-smart\]$/m);
	assert.equal(result.stderr, '');
});

test('explain joins several words into one message', async () => {
	const result = await runCliCaptured(['explain', 'MD5', 'error', '--json']);
	assert.equal(result.code, 0);
	assert.equal(JSON.parse(result.stdout).id, 'msg-odin-md5-error');
});

test('explain --json prints the Explanation object with the context applied', async () => {
	const result = await runCliCaptured(['explain', 'HTTP 401', '--stage', 'download', '--json']);
	assert.equal(result.code, 0);
	const explanation = JSON.parse(result.stdout);
	assert.equal(explanation.id, 'http-401');
	assert.equal(explanation.action, 'resume');
	assert.deepEqual(Object.keys(explanation).sort(), ['action', 'cause', 'fix', 'id', 'kind', 'meaning', 'title']);
});

test('explain takes retry-after, recent failures, protocol, model and CSC as context', async () => {
	const limited = JSON.parse((await runCliCaptured(['explain', '429', '--recent-failures', '9', '--json'])).stdout);
	assert.match(limited.fix, /Wait an hour/);
	const smart = JSON.parse((await runCliCaptured(['explain', 'S01', '--protocol', 'smart', '--json'])).stdout);
	assert.equal(smart.action, 'other-csc');
	const pair = JSON.parse((await runCliCaptured(['explain', '403', '--stage', 'version', '--model', 'sm-s918b', '--csc', 'eux', '--json'])).stdout);
	assert.match(pair.cause, /SM-S918B with CSC EUX/);
});

test('explain of unknown input exits 2 and says which inputs it understands', async () => {
	const result = await runCliCaptured(['explain', 'the', 'quick', 'fox']);
	assert.equal(result.code, 2);
	assert.equal(result.stdout, '');
	assert.equal(result.stderr.trim().split('\n').length, 1);
	assert.match(result.stderr, /no entry for "the quick fox".*error code.*HTTP status.*FUS status.*message/);
});

test('explain with no input, a bad stage or conflicting flags is a usage error', async () => {
	assert.equal((await runCliCaptured(['explain'])).code, 2);
	const stage = await runCliCaptured(['explain', '401', '--stage', 'moon']);
	assert.equal(stage.code, 2);
	assert.match(stage.stderr, /--stage takes one of nonce, inform/);
	assert.equal((await runCliCaptured(['explain', '408', '--imei-sent', '--no-imei'])).code, 2);
	assert.equal((await runCliCaptured(['explain', '429', '--retry-after', 'soon'])).code, 2);
	assert.equal((await runCliCaptured(['explain', '429', '--protocol', 'kies'])).code, 2);
});

test('explain --list lists every entry, as text and as JSON', async () => {
	const text = await runCliCaptured(['explain', '--list']);
	assert.equal(text.code, 0);
	assert.match(text.stdout, /^fus-408 +FUS status 408/m);
	assert.match(text.stdout, /^msg-odin-md5-error +Odin: MD5 error/m);
	const json = await runCliCaptured(['explain', '--list', '--json']);
	const list = JSON.parse(json.stdout) as Array<{id: string}>;
	assert.equal(list.length, text.stdout.trim().split('\n').length);
	assert.ok(list.some(entry => entry.id === 'code-crc-mismatch'));
});

test('explain is listed in the main help', async () => {
	const result = await runCliCaptured(['--help']);
	assert.match(result.stdout, /^ {2}explain +explain an error code/m);
	assert.match(result.stdout, /^ {2}decode +decode a firmware version/m);
});

function captureIO() {
	const out = {stdout: '', stderr: ''};
	const io: CommandIO = {stdout: {write: t => (out.stdout += t)}, stderr: {write: t => (out.stderr += t)}, env: {}, cwd: '.'};
	return {io, out};
}

test('a reported error gets a second stderr line with the fix, and the explanation in --json', () => {
	const {io, out} = captureIO();
	const code = reportError(new FusError('FUS_STATUS', 'FUS refused the inform with status 408', {stage: 'inform', fusStatus: '408', sentDeviceId: false}), io, {json: true, debug: false});
	assert.equal(code, 3);
	const lines = out.stderr.trimEnd().split('\n');
	assert.equal(lines.length, 2);
	assert.equal(lines[0], 'fusdeck: FUS refused the inform with status 408');
	assert.match(lines[1]!, /^ {2}fix: Use the Smart protocol/);
	const error = JSON.parse(out.stdout).error;
	assert.equal(error.code, 'FUS_STATUS');
	assert.equal(error.fusStatus, '408');
	assert.equal(error.explanation.id, 'fus-408');
	assert.equal(error.explanation.action, 'use-smart');
});

test('a usage error stays one line, and so does an error whose message already holds the fix', () => {
	const usage = captureIO();
	reportError(new UsageError('bad flag'), usage.io, {json: false, debug: false});
	assert.equal(usage.out.stderr, 'fusdeck: bad flag\n');
	const verify = captureIO();
	reportError(new VerifyError('CRC_MISMATCH', 'CRC mismatch. Delete the file and download again from scratch.'), verify.io, {json: false, debug: false});
	assert.equal(verify.out.stderr.trimEnd().split('\n').length, 1);
});

test('an unknown error reports as internal without an explanation', () => {
	const {io, out} = captureIO();
	assert.equal(reportError(new Error('boom'), io, {json: true, debug: false}), 1);
	assert.equal(out.stderr.trimEnd().split('\n').length, 1);
	assert.equal(JSON.parse(out.stdout).error.explanation, undefined);
});
