/**
 * Device ids stay masked in everything the CLI prints unless --show-ids, and nothing weakens TLS
 * without saying so. Each test fails if its protection is taken away.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {loadAllCommands} from '../../source/commands/index.js';
import {reportError} from '../../source/commands/report-error.js';
import {findModel} from '../../source/core/catalog/models.js';
import {FusdeckError, FusError} from '../../source/core/errors.js';
import {offlineEnv} from '../helpers/offline-env.js';
import {imeiFromTac} from '../helpers/read-source.js';
import {runCliCaptured} from '../helpers/run-cli.js';

const commands = await loadAllCommands();

const imei = imeiFromTac(findModel('SM-S918B')!.tacs[0]!, '424242');
const serial = 'R58M315CL4T';
/** The forms a leak could take: as typed, without separators, in another case. */
const leaks = (output: string) => [imei, serial, serial.toLowerCase(), imei.slice(0, 14)].filter(form => output.toUpperCase().includes(form.toUpperCase()));

/** Where a user might put an id: every slot each command has, right or wrong. */
function placements(name: string, id: string): string[][] {
	return [
		[name, id],
		[name, id, '--json'],
		[name, 'SM-S918B', id, '--json'],
		[name, 'SM-S918B', 'EUX', '--imei', id, '--json'],
		[name, 'SM-S918B', 'EUX', `--imei=${id}`],
		[name, '--check', id, '--json'],
		[name, '--check', id, 'SM-S918B'],
		[name, '--model', id],
		[name, id, '--debug'],
		[name, '--limit', id],
	];
}

test('no command prints a device id from its command line, in output, --json or errors', async t => {
	const offline = await offlineEnv();
	t.after(() => offline.cleanup());
	for (const {name} of commands) {
		for (const id of [imei, serial, serial.toLowerCase(), `${imei.slice(0, 2)}-${imei.slice(2, 8)}-${imei.slice(8)}`]) {
			for (const argv of placements(name, id)) {
				const result = await runCliCaptured(argv, offline.env, {signal: offline.aborted, cwd: offline.dir});
				assert.deepEqual(leaks(result.stdout + result.stderr), [], `fusdeck ${argv.join(' ')} printed an id:\n${result.stdout}${result.stderr}`);
			}
		}
	}
});

test('imei --check masks the IMEI in text and --json; --show-ids prints it in full', async () => {
	const masked = await runCliCaptured(['imei', '--check', imei, '--json']);
	assert.equal(JSON.parse(masked.stdout).imei_masked, `${imei.slice(0, 8)}••••••${imei.slice(14)}`);
	assert.deepEqual(leaks(masked.stdout + masked.stderr), []);
	const shown = await runCliCaptured(['imei', '--check', imei, '--json', '--show-ids']);
	assert.equal(JSON.parse(shown.stdout).imei, imei);
	const text = await runCliCaptured(['imei', '--check', imei, '--show-ids']);
	assert.match(text.stdout, new RegExp(`IMEI ${imei}: OK`));
});

test('a usage error that quotes an id masks it unless --show-ids', async () => {
	const masked = await runCliCaptured(['check', imei, 'EUX', '--json']);
	assert.equal(masked.code, 2);
	assert.match(masked.stderr, /"35\d{6}••••••\d" is not a model code/);
	const shown = await runCliCaptured(['check', imei, 'EUX', '--show-ids']);
	assert.ok(shown.stderr.includes(imei));
});

test('an error that quotes an IMEI from anywhere (settings, a server) is masked in stderr, --json and --debug', () => {
	let stdout = '';
	let stderr = '';
	const io = {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: (text: string) => (stderr += text)}, env: {}, cwd: '.'};
	const error = new FusError('FUS_STATUS', `FUS refused ${imei} for SM-S918B`, {stage: 'inform', fusStatus: '408', sentDeviceId: true});
	reportError(error, io, {json: true, debug: true});
	assert.deepEqual(leaks(stdout + stderr), [], stdout + stderr);
	assert.match(stderr, /at /, 'the --debug stack is there, masked');
	reportError(new FusdeckError('INTERNAL', `boom ${imei}`), io, {json: true, debug: false, showIds: true});
	assert.ok(stdout.includes(imei), '--show-ids lets it through');
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 is never silent: every command warns on stderr', async () => {
	const warned = await runCliCaptured(['cscs', 'XEF', '--json'], {NODE_TLS_REJECT_UNAUTHORIZED: '0'});
	assert.equal(warned.code, 0);
	assert.match(warned.stderr, /^fusdeck: warning: NODE_TLS_REJECT_UNAUTHORIZED=0 is set: TLS certificates are NOT checked/m);
	assert.doesNotThrow(() => JSON.parse(warned.stdout), 'stdout stays clean JSON');
	for (const env of [{}, {NODE_TLS_REJECT_UNAUTHORIZED: '1'}]) {
		assert.equal((await runCliCaptured(['cscs', 'XEF'], env)).stderr, '');
	}
});

test('a server URL from the environment that is plain http to another machine is warned about', async () => {
	const remote = await runCliCaptured(['cscs', 'XEF'], {FUSDECK_FUS_URL: 'http://fus.example.net'});
	assert.match(remote.stderr, /FUSDECK_FUS_URL=http:\/\/fus\.example\.net sends requests unencrypted/);
	assert.equal((await runCliCaptured(['cscs', 'XEF'], {FUSDECK_FUS_URL: 'http://127.0.0.1:9', FUSDECK_FOTA_URL: 'https://fota.example.net'})).stderr, '');
});

const sourceRoot = path.resolve(import.meta.dirname, '../../../source');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

test('no source turns TLS checks off or makes undici follow redirects', () => {
	const offenders = sourceFiles(sourceRoot).flatMap(file => {
		const text = readFileSync(file, 'utf8');
		const found = [
			/rejectUnauthorized/.test(text) && 'rejectUnauthorized',
			/(env\.NODE_TLS_REJECT_UNAUTHORIZED|\[['"]NODE_TLS_REJECT_UNAUTHORIZED['"]\])\s*=(?!=)/.test(text) && 'sets NODE_TLS_REJECT_UNAUTHORIZED',
			/checkServerIdentity/.test(text) && 'checkServerIdentity',
			/maxRedirections|interceptors\.redirect|redirect\s*:\s*'follow'/.test(text) && 'follows redirects',
		].filter(Boolean);
		return found.map(what => `${path.relative(sourceRoot, file)}: ${String(what)}`);
	});
	assert.deepEqual(offenders, []);
});

test('the workstation masks IMEI-shaped numbers in the reasons it shows', async () => {
	const {messageOf} = await import('../../source/ui/app-handlers.js');
	assert.equal(messageOf(new Error(`refused ${imei}`)), `refused ${imei.slice(0, 8)}••••••${imei.slice(14)}`);
});
