import {test} from 'node:test';
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {encryptFirmware} from '../../source/core/fus/crypto.js';
import {makeZip, tarMd5, testKey} from '../helpers/firmware-fixture.js';
import {runCliCaptured} from '../helpers/run-cli.js';
import {withTempDir} from '../helpers/temp-dir.js';

const withTemp = async (run: (dir: string) => Promise<void>) => withTempDir('verify', run);

type Json = {ok: boolean; files: Array<{file: string; kind: string; ok: boolean; problem: string | null; members: Array<{name: string; bytes: number; md5: {expected: string | null; actual: string} | null; problem: string | null}>}>};

const goodMembers = () => [
	{name: 'BL_X.tar.md5', data: tarMd5('BL_X.tar.md5', 5000)},
	{name: 'AP_X.tar.md5', data: tarMd5('AP_X.tar.md5', 70_000), deflate: true},
	{name: 'meta-data/fota.zip', data: Buffer.from('not a package, only CRC32 applies')},
];

test('verify: a good firmware zip checks out member by member (MD5 for .tar.md5, CRC32 for all), exit 0', async () => withTemp(async dir => {
	const zip = join(dir, 'fw.zip');
	await writeFile(zip, makeZip(goodMembers()));
	const text = await runCliCaptured(['verify', zip]);
	assert.equal(text.code, 0, text.stderr);
	assert.match(text.stdout, /fw\.zip: 3 member\(s\), all check out/);
	assert.match(text.stdout, /^ {2}ok {3}AP_X\.tar\.md5 +MD5 [\da-f]{32} ok$/m);
	assert.match(text.stdout, /^ {2}ok {3}meta-data\/fota\.zip +CRC32 ok$/m);
	const json = JSON.parse((await runCliCaptured(['verify', zip, '--json'])).stdout) as Json;
	assert.equal(json.ok, true);
	const [file] = json.files;
	assert.equal(file?.kind, 'zip');
	assert.equal(file?.problem, null);
	assert.deepEqual(file?.members.map(member => [member.name, member.problem, member.md5?.expected === member.md5?.actual]), [
		['BL_X.tar.md5', null, true], ['AP_X.tar.md5', null, true], ['meta-data/fota.zip', null, true],
	]);
	assert.equal(file?.members[2]?.md5, null, 'no MD5 for a member that is not a .tar.md5');
}));

test('verify: every bad member is named, not just the first; the good ones are still listed; exit 4', async () => withTemp(async dir => {
	const members = goodMembers();
	members[0] = {name: 'BL_X.tar.md5', data: tarMd5('BL_X.tar.md5', 5000, {corrupt: true})};
	const zip = makeZip(members);
	// A byte of the last member changed after the zip was written: only its CRC32 can tell.
	const last = zip.indexOf(Buffer.from('not a package'));
	zip[last]! ^= 0x20;
	const path = join(dir, 'fw.zip');
	await writeFile(path, zip);
	const result = await runCliCaptured(['verify', path]);
	assert.equal(result.code, 4);
	assert.match(result.stdout, /fw\.zip: 3 member\(s\), 2 of 3 fail/);
	assert.match(result.stdout, /^ {2}BAD {2}BL_X\.tar\.md5 +MD5 [\da-f]{32} does not match its MD5 line's [\da-f]{32}$/m);
	assert.match(result.stdout, /^ {2}ok {3}AP_X\.tar\.md5 /m);
	assert.match(result.stdout, /^ {2}BAD {2}meta-data\/fota\.zip +CRC32 [\da-f]{8} does not match the zip directory's [\da-f]{8}$/m);
	assert.match(result.stderr, /fw\.zip fails the check: the file is damaged or incomplete; download it again/);
}));

test('verify: a lone .tar.md5 package is checked against its MD5 line, with or without one', async () => withTemp(async dir => {
	const good = join(dir, 'CSC_X.tar.md5');
	const bad = join(dir, 'AP_Y.tar.md5');
	const bare = join(dir, 'CP_Z.tar.md5');
	await writeFile(good, tarMd5('CSC_X.tar.md5', 3000));
	await writeFile(bad, tarMd5('AP_Y.tar.md5', 3000, {corrupt: true}));
	await writeFile(bare, Buffer.alloc(4096, 7));
	const result = await runCliCaptured(['verify', good, bad, bare, '--json']);
	assert.equal(result.code, 4);
	const json = JSON.parse(result.stdout) as Json;
	assert.deepEqual(json.files.map(file => [file.kind, file.ok]), [['tar.md5', true], ['tar.md5', false], ['tar.md5', false]]);
	assert.match(json.files[1]!.members[0]!.problem!, /does not match its MD5 line's/);
	assert.equal(json.files[2]!.members[0]!.problem, 'has no MD5 line at its end');
}));

test('verify: a file that is not a zip, or a truncated one, is reported and the other files are still checked', async () => withTemp(async dir => {
	const text = join(dir, 'notes.zip');
	const cut = join(dir, 'cut.zip');
	const good = join(dir, 'good.zip');
	await writeFile(text, 'hello');
	const zip = makeZip(goodMembers());
	await writeFile(cut, zip.subarray(0, zip.length - 30));
	await writeFile(good, zip);
	const result = await runCliCaptured(['verify', text, cut, good]);
	assert.equal(result.code, 4);
	assert.match(result.stdout, /notes\.zip: BAD: not a valid zip \(.+\): not firmware, or damaged/);
	assert.doesNotMatch(result.stdout, /key is wrong/, 'nothing was decrypted, so no key to blame');
	assert.match(result.stdout, /cut\.zip: BAD: not a valid zip/);
	assert.match(result.stdout, /good\.zip: 3 member\(s\), all check out\n/);
	assert.match(result.stderr, /notes\.zip, cut\.zip fail the check/);
	const plain = join(dir, 'photos.zip');
	await writeFile(plain, makeZip([{name: 'a.jpg', data: Buffer.from('jpeg')}]));
	const notFirmware = await runCliCaptured(['verify', plain]);
	assert.equal(notFirmware.code, 0, 'an intact zip is intact');
	assert.match(notFirmware.stdout, /photos\.zip: 1 member\(s\), all check out \(CRC32 only: no \.tar\.md5 member, so no Odin firmware\)/);
}));

test('verify: usage mistakes get one clear line and exit 2', async () => withTemp(async dir => {
	const none = await runCliCaptured(['verify']);
	assert.equal(none.code, 2);
	assert.match(none.stderr, /verify needs at least one FILE/);
	const missing = await runCliCaptured(['verify', join(dir, 'nope.zip')]);
	assert.equal(missing.code, 2);
	assert.match(missing.stderr, /nope\.zip" does not exist/);
	const folder = await runCliCaptured(['verify', dir]);
	assert.equal(folder.code, 2);
	assert.match(folder.stderr, /is a folder/);
	const encrypted = join(dir, 'fw.zip.enc4');
	await writeFile(encrypted, Buffer.alloc(32));
	const enc = await runCliCaptured(['verify', encrypted]);
	assert.equal(enc.code, 2);
	assert.match(enc.stderr, /is still encrypted: fusdeck decrypt checks it while decrypting/);
	// A typo in a later name stops the command before any file is read, in text and in JSON alike.
	const good = join(dir, 'good.zip');
	await writeFile(good, makeZip([{name: 'a.jpg', data: Buffer.from('jpeg')}]));
	for (const json of [[], ['--json']]) {
		const later = await runCliCaptured(['verify', good, join(dir, 'nope.zip'), ...json]);
		assert.equal(later.code, 2);
		assert.match(later.stderr + later.stdout, /nope\.zip" does not exist/);
		assert.doesNotMatch(later.stdout, /good\.zip/, 'no report that a usage error would cut short');
	}
}));

test('a member name that would drive the terminal is printed escaped, by verify and by decrypt', async () => withTemp(async dir => {
	const evil = 'AP_\u001B[2J\u001B]0;pwned\u0007\u202E.tar.md5';
	const zip = makeZip([{name: evil, data: tarMd5(evil, 3000, {corrupt: true})}]);
	const path = join(dir, 'fw.zip');
	await writeFile(path, zip);
	const verified = await runCliCaptured(['verify', path]);
	assert.equal(verified.code, 4);
	assert.match(verified.stdout, /BAD {2}AP_\\u001b\[2J\\u001b\]0;pwned\\u0007\\u202e\.tar\.md5/);
	await writeFile(join(dir, 'fw.zip.enc4'), encryptFirmware(testKey, zip));
	const decrypted = await runCliCaptured(['decrypt', join(dir, 'fw.zip.enc4'), '--key', testKey.toString('hex'), '--out', join(dir, 'out')]);
	assert.equal(decrypted.code, 4);
	assert.match(decrypted.stderr, /Member AP_\\u001b\[2J.* fails its MD5 check/);
	for (const output of [verified.stdout, verified.stderr, decrypted.stdout, decrypted.stderr]) {
		assert.doesNotMatch(output, /[\u0000-\u0008\u000B-\u001F\u007F\u202E]/, 'no raw control character reaches the terminal');
	}
}));
