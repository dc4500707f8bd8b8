/** The emulator's zip writer: ZIP64 records that other readers accept, and a loud failure on a size mismatch. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {crc32} from 'node:zlib';
import {zipStored, type ZipMember} from '../../source/emulator/zip-writer.js';
import {readZip} from '../helpers/zip-reader.js';

const member = (name: string, data: Buffer): ZipMember => ({name, size: data.length, crc32: crc32(data) >>> 0, modified: new Date(Date.UTC(2025, 10, 3, 2, 10, 0)), body: () => [data.subarray(0, 3), data.subarray(3)]});

async function zipOf(members: ZipMember[], zip64: 'auto' | 'always') {
	const chunks: Buffer[] = [];
	for await (const chunk of zipStored(members, {zip64})) {
		chunks.push(chunk);
	}

	return Buffer.concat(chunks);
}

test('ZIP64 records (forced, so that no gigabytes are needed) are read by an independent reader and by Python\'s zipfile', async t => {
	const members = [member('AP_one.tar.md5', Buffer.from('first member bytes')), member('CSC_two.tar.md5', Buffer.from('second'))];
	for (const mode of ['auto', 'always'] as const) {
		const zip = await zipOf(members, mode);
		assert.equal(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06])), mode === 'always', `${mode}: ZIP64 end record only when needed or asked`);
		const entries = readZip(zip);
		assert.deepEqual(entries.map(entry => [entry.name, entry.data.toString()]), [['AP_one.tar.md5', 'first member bytes'], ['CSC_two.tar.md5', 'second']]);
		const dir = await mkdtemp(join(tmpdir(), 'fusdeck-zip-'));
		t.after(async () => rm(dir, {recursive: true, force: true}));
		await writeFile(join(dir, 'z.zip'), zip);
		const python = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(",".join(z.namelist()))', join(dir, 'z.zip')], {encoding: 'utf8'});
		if (!python.error) {
			assert.equal(python.status, 0, python.stderr);
			assert.equal(python.stdout.trim(), 'AP_one.tar.md5,CSC_two.tar.md5');
		}
	}
});

test('a member whose bytes do not add up to its declared size fails instead of making a broken zip', async () => {
	const liar: ZipMember = {...member('x', Buffer.from('abc')), size: 4};
	await assert.rejects(zipOf([liar], 'auto'), /produced 3 bytes, declared 4/);
});
