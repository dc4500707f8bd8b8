import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdir, readdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {enc2Key, enc4Key, encryptFirmware} from '../../source/core/fus/crypto.js';
import {decryptFile} from '../../source/core/transfer/decrypt-file.js';
import {makeFirmware, makeZip, tarMd5} from '../helpers/firmware-fixture.js';
import {sha256File} from '../helpers/transfer-harness.js';
import {runCliCaptured} from '../helpers/run-cli.js';
import {withTempDir} from '../helpers/temp-dir.js';

const withTemp = async (run: (dir: string) => Promise<void>) => withTempDir('dec', run);

test('decryptFile streams, unpads, verifies and writes the zip atomically', async () => withTemp(async dir => {
	const firmware = makeFirmware({totalBytes: 1 << 20});
	const input = join(dir, 'fw.zip.enc4');
	await writeFile(input, firmware.encrypted);
	const result = await decryptFile({input, output: join(dir, 'fw.zip'), key: firmware.key});
	assert.equal(result.bytes, firmware.zip.length);
	assert.equal(await sha256File(result.path), firmware.sha256);
	assert.equal(result.members.length, 2);
	assert.deepEqual((await readdir(dir)).sort(), ['fw.zip', 'fw.zip.enc4']);
}));

test('decryptFile with a wrong key fails with BAD_PADDING and writes nothing', async () => withTemp(async dir => {
	const firmware = makeFirmware({totalBytes: 100_000});
	const input = join(dir, 'fw.zip.enc4');
	await writeFile(input, firmware.encrypted);
	await assert.rejects(decryptFile({input, output: join(dir, 'fw.zip'), key: Buffer.alloc(16, 9)}), {code: 'BAD_PADDING'});
	assert.deepEqual(await readdir(dir), ['fw.zip.enc4']);
}));

test('decryptFile reports a corrupt member and a truncated input', async () => withTemp(async dir => {
	const firmware = makeFirmware({totalBytes: 100_000, corruptMember: true});
	const input = join(dir, 'fw.zip.enc4');
	await writeFile(input, firmware.encrypted);
	await assert.rejects(decryptFile({input, output: join(dir, 'fw.zip'), key: firmware.key}), {code: 'MD5_MISMATCH'});
	await writeFile(input, firmware.encrypted.subarray(0, 1000 - 7));
	await assert.rejects(decryptFile({input, output: join(dir, 'fw.zip'), key: firmware.key}), {code: 'SIZE_MISMATCH'});
	assert.deepEqual(await readdir(dir), ['fw.zip.enc4']);
}));

test('decryptFile can be cancelled and leaves no output', async () => withTemp(async dir => {
	const firmware = makeFirmware({totalBytes: 100_000});
	const input = join(dir, 'fw.zip.enc4');
	await writeFile(input, firmware.encrypted);
	await assert.rejects(decryptFile({input, output: join(dir, 'fw.zip'), key: firmware.key, signal: AbortSignal.abort()}), {code: 'CANCELLED'});
	assert.deepEqual(await readdir(dir), ['fw.zip.enc4']);
}));

const zip = () => makeZip([{name: 'AP_A.tar.md5', data: tarMd5('AP_A.tar.md5', 5000)}]);

test('fusdeck decrypt --enc2 derives the key from model, CSC and version', async () => withTemp(async dir => {
	const version = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';
	await writeFile(join(dir, 'fw.zip.enc2'), encryptFirmware(enc2Key('EUX', 'SM-S918B', version), zip()));
	const result = await runCliCaptured(['decrypt', join(dir, 'fw.zip.enc2'), '--enc2', '--model', 'SM-S918B', '--csc', 'EUX', '--version', version, '--json']);
	assert.equal(result.code, 0, result.stderr);
	const json = JSON.parse(result.stdout) as {ok: boolean; files: Array<{path: string; members: unknown[]}>};
	assert.equal(json.files[0]!.path, join(dir, 'fw.zip'));
	assert.equal(json.files[0]!.members.length, 1);
}));

test('fusdeck decrypt takes an ENC4 key as hex or from --version and --logic-value, and --out', async () => withTemp(async dir => {
	const version = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';
	const logic = 'abcdefghijklmnopqrstuvwxyz012345';
	const key = enc4Key(version, logic);
	await writeFile(join(dir, 'a.zip.enc4'), encryptFirmware(key, zip()));
	const byHex = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4'), '--key', key.toString('hex'), '--out', join(dir, 'out')]);
	assert.equal(byHex.code, 0, byHex.stderr);
	assert.match(byHex.stdout, /out\/a\.zip: \d+ bytes, 1 \.tar\.md5 member\(s\) verified/);
	const byLogic = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4'), '--version', version, '--logic-value', logic]);
	assert.equal(byLogic.code, 0, byLogic.stderr);
}));

test('fusdeck decrypt errors are one clear line with the right exit code', async () => withTemp(async dir => {
	await writeFile(join(dir, 'a.zip.enc4'), encryptFirmware(Buffer.alloc(16, 1), zip()));
	const noKey = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4')]);
	assert.equal(noKey.code, 2);
	assert.match(noKey.stderr, /needs a key: give --key HEX/);
	assert.equal(noKey.stderr.trim().split('\n').length, 1);
	const wrongKey = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4'), '--key', '22'.repeat(16), '--json']);
	assert.equal(wrongKey.code, 4);
	assert.equal(JSON.parse(wrongKey.stdout).error.code, 'BAD_PADDING');
	const badHex = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4'), '--key', 'xyz']);
	assert.equal(badHex.code, 2);
	const missing = await runCliCaptured(['decrypt', join(dir, 'nope.zip.enc4'), '--key', '22'.repeat(16)]);
	assert.equal(missing.code, 2);
	assert.match(missing.stderr, /Cannot read .*nope\.zip\.enc4/);
	const noSuffix = await runCliCaptured(['decrypt', join(dir, 'plain.zip'), '--key', '22'.repeat(16)]);
	assert.equal(noSuffix.code, 2);
	// A folder given as the file, or a file given as --out: usage errors, not internal ones.
	await mkdir(join(dir, 'folder.zip.enc4'));
	const folder = await runCliCaptured(['decrypt', join(dir, 'folder.zip.enc4'), '--key', '22'.repeat(16), '--json']);
	assert.equal(folder.code, 2, folder.stderr);
	assert.match(folder.stderr, /folder\.zip\.enc4" is a folder/);
	assert.equal(JSON.parse(folder.stdout).error.code, 'USAGE');
	const outFile = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4'), '--key', '22'.repeat(16), '--out', join(dir, 'a.zip.enc4')]);
	assert.equal(outFile.code, 2, outFile.stderr);
	assert.match(outFile.stderr, /--out .* is a file, not a folder/);
	// A PDA alone is too short to derive the ENC4 key from: a usage error, not an internal one.
	const pdaOnly = await runCliCaptured(['decrypt', join(dir, 'a.zip.enc4'), '--version', 'S918BXXS8DYK1', '--logic-value', 'abcdefghijklmnop', '--json']);
	assert.equal(pdaOnly.code, 2, pdaOnly.stderr);
	assert.match(pdaOnly.stderr, /--version must be the full version/);
	assert.equal(JSON.parse(pdaOnly.stdout).error.code, 'USAGE');
}));
