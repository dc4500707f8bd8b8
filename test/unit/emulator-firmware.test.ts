/** The emulator's firmware: a real zip of Odin .tar.md5 packages, deterministic, cached, and corruptible on purpose. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {crc32} from 'node:zlib';
import {startEmulator, type EmulatorOptions} from '../../source/emulator/server.js';
import {readZip} from '../helpers/zip-reader.js';
import {readTarMd5} from '../helpers/tar-md5-reader.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function emulatorIn(t: {after(fn: () => Promise<void>): void}, options: EmulatorOptions = {}) {
	const cacheDir = options.cacheDir ?? await mkdtemp(join(tmpdir(), 'fusdeck-emu-cache-'));
	const emulator = await startEmulator({firmwareSize: 300 * 1024, ...options, cacheDir});
	t.after(async () => {
		await emulator.close();
		await rm(cacheDir, {recursive: true, force: true});
	});
	return {emulator, cacheDir};
}

/** Runs a system tool when the machine has it; undefined when it does not. */
function runTool(command: string, args: string[]): {status: number | null; output: string} | undefined {
	const result = spawnSync(command, args, {encoding: 'utf8'});
	return result.error ? undefined : {status: result.status, output: result.stdout + result.stderr};
}

test('the plaintext is a stored zip of BL, AP, CP, CSC and HOME_CSC .tar.md5 packages whose ustar headers and MD5 trailers check out', async t => {
	const {emulator, cacheDir} = await emulatorIn(t);
	const firmware = await emulator.firmware('SM-S918B', 'EUX');
	const plain = await firmware.readPlain();
	assert.equal(plain.length, firmware.plainSize);
	assert.equal(sha256(plain), firmware.plainSha256);

	const entries = readZip(plain);
	assert.deepEqual(entries.map(entry => entry.name.split('_S918B')[0]), ['BL', 'AP', 'CP', 'CSC_OXM', 'HOME_CSC_OXM']);
	for (const entry of entries) {
		assert.match(entry.name, /^[A-Z_]+_S918B\w+_MQB\d{8}_REV00_user_low_ship_MULTI_CERT(_meta_OS16)?\.tar\.md5$/);
		assert.equal(entry.method, 0, `${entry.name} is stored`);
		assert.equal(crc32(entry.data) >>> 0, entry.crc32, `${entry.name} matches its zip CRC32`);
		const tar = readTarMd5(entry.data);
		assert.ok(tar.members.length >= 2, `${entry.name} has a few members`);
		for (const member of tar.members) {
			assert.ok(member.checksumOk, `${entry.name}: ${member.name} has a valid ustar checksum`);
			assert.equal(member.magic, 'ustar\u000000');
			assert.ok(member.size > 0);
		}

		assert.equal(tar.trailerName, entry.name.replace(/\.md5$/, ''), 'the trailer names the file without .md5');
		assert.equal(tar.statedMd5, tar.actualMd5, `${entry.name}: the trailer states the MD5 of the tar bytes`);
	}

	assert.deepEqual(firmware.packages.map(item => item.md5), entries.map(entry => readTarMd5(entry.data).actualMd5));

	// The system's own tools agree, where the machine has them.
	const zipPath = join(cacheDir, 'plain.zip');
	await writeFile(zipPath, plain);
	const python = runTool('python3', ['-m', 'zipfile', '-t', zipPath]);
	if (python) {
		assert.equal(python.status, 0, python.output);
	}

	const ap = entries[1]!;
	const tarPath = join(cacheDir, 'ap.tar');
	await writeFile(tarPath, ap.data.subarray(0, ap.data.length - readTarMd5(ap.data).trailer.length));
	const listing = runTool('tar', ['-tf', tarPath]);
	if (listing) {
		assert.equal(listing.status, 0, listing.output);
		assert.deepEqual(listing.output.trim().split('\n'), readTarMd5(ap.data).members.map(member => member.name));
	}

	const encrypted = await readFile(firmware.encryptedPath);
	assert.equal(encrypted.length, firmware.encryptedSize);
	assert.equal(encrypted.length % 16, 0);
	assert.equal(crc32(encrypted) >>> 0, firmware.crc32, 'BINARY_CRC is the CRC32 of the encrypted file');
});

test('a Wi-Fi model (no modem part in its version) has no CP package', async t => {
	const {emulator} = await emulatorIn(t, {firmwareSize: 64 * 1024});
	const firmware = await emulator.firmware('SM-X710', 'EUX');
	assert.deepEqual(firmware.packages.map(item => item.kind), ['BL', 'AP', 'CSC', 'HOME_CSC']);
	assert.equal(readZip(await firmware.readPlain()).length, 4);
});

test('firmware is the same bytes from two emulators with separate caches, and differs per build and size', async t => {
	const first = await emulatorIn(t);
	const second = await emulatorIn(t);
	const a = await first.emulator.firmware('SM-G991B', 'EUX');
	const b = await second.emulator.firmware('SM-G991B', 'EUX');
	assert.notEqual(a.encryptedPath, b.encryptedPath);
	assert.equal(a.binaryName, b.binaryName);
	assert.match(a.binaryName, /\.zip\.enc2$/);
	assert.equal(a.plainSha256, b.plainSha256);
	assert.equal(a.crc32, b.crc32);
	assert.ok((await readFile(a.encryptedPath)).equals(await readFile(b.encryptedPath)));
	assert.equal(sha256(await b.readPlain()), a.plainSha256);

	const older = first.emulator.catalog.find(model => model.model === 'SM-G991B')!.builds['EUX']![1]!;
	assert.notEqual((await first.emulator.firmware('SM-G991B', 'EUX', older)).plainSha256, a.plainSha256);
	const bigger = await emulatorIn(t, {firmwareSize: 600 * 1024});
	const large = await bigger.emulator.firmware('SM-G991B', 'EUX');
	assert.ok(large.plainSize > 590 * 1024 && large.plainSize < 640 * 1024, `about the size asked for: ${large.plainSize}`);
});

test('a later emulator reuses the cached file instead of making it again', async t => {
	const {emulator, cacheDir} = await emulatorIn(t);
	const made = await emulator.firmware('SM-A546B', 'EUX');
	const before = await stat(made.encryptedPath);
	const again = await startEmulator({firmwareSize: 300 * 1024, cacheDir});
	t.after(async () => again.close());
	const reused = await again.firmware('SM-A546B', 'EUX');
	assert.equal(reused.encryptedPath, made.encryptedPath);
	assert.equal((await stat(reused.encryptedPath)).ino, before.ino, 'the same file, not a rewritten one');
	assert.equal(reused.plainSha256, made.plainSha256);
});

test('corruptMember flips one byte inside one package: the zip and BINARY_CRC stay right, that package\'s MD5 trailer does not', async t => {
	const {emulator} = await emulatorIn(t);
	const intact = await emulator.firmware('SM-S918B', 'XEF');
	emulator.faults.corruptMember = 'AP';
	const corrupted = await emulator.firmware('SM-S918B', 'XEF');
	assert.equal(corrupted.binaryName, intact.binaryName, 'the same file name, as a damaged upload would have');
	assert.notEqual(corrupted.plainSha256, intact.plainSha256);

	const encrypted = await readFile(corrupted.encryptedPath);
	assert.equal(crc32(encrypted) >>> 0, corrupted.crc32, 'BINARY_CRC covers the corrupted encrypted bytes');

	const entries = readZip(await corrupted.readPlain());
	const intactEntries = readZip(await intact.readPlain());
	for (const [index, entry] of entries.entries()) {
		assert.equal(crc32(entry.data) >>> 0, entry.crc32, `${entry.name}: the zip itself is sound`);
		const differing = [...entry.data].filter((byte, at) => byte !== intactEntries[index]!.data[at]).length;
		const tar = readTarMd5(entry.data);
		if (entry.name.startsWith('AP_')) {
			assert.equal(differing, 1, 'exactly one byte of AP differs');
			assert.notEqual(tar.statedMd5, tar.actualMd5, 'AP fails the Odin MD5 check');
			assert.equal(tar.statedMd5, readTarMd5(intactEntries[index]!.data).actualMd5, 'the trailer keeps the MD5 of the intact tar');
			assert.ok(tar.members.every(member => member.checksumOk), 'the damage is in data, not in a header');
		} else {
			assert.equal(differing, 0, `${entry.name} is untouched`);
			assert.equal(tar.statedMd5, tar.actualMd5);
		}
	}

	assert.deepEqual(corrupted.packages.filter(item => item.corrupted).map(item => item.kind), ['AP']);
	emulator.faults.corruptMember = undefined;
	assert.equal((await emulator.firmware('SM-S918B', 'XEF')).plainSha256, intact.plainSha256, 'clearing the fault serves the intact build again');
});
