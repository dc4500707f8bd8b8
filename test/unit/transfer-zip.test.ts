import {test} from 'node:test';
import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {checkTarMd5} from '../../source/core/transfer/tar-md5.js';
import {readZipDirectory} from '../../source/core/transfer/zip-reader.js';
import {verifyFirmwareZip} from '../../source/core/transfer/verify-zip.js';
import {makeZip, tarMd5} from '../helpers/firmware-fixture.js';
import {withTempDir} from '../helpers/temp-dir.js';

const withTemp = async (run: (dir: string) => Promise<void>) => withTempDir('zip', run);

test('a tar.md5 trailer is found and checked whatever the chunk sizes', async () => {
	const member = tarMd5('AP.tar.md5', 100_000);
	for (const size of [1, 7, 1000, 4096, 65_536, member.length]) {
		const chunks = [];
		for (let i = 0; i < member.length; i += size) {
			chunks.push(member.subarray(i, i + size));
		}

		const result = await checkTarMd5(Readable.from(chunks));
		assert.equal(result.expected, result.actual, `chunk size ${size}`);
		assert.equal(result.trailerName, 'AP.tar');
	}
});

test('a corrupted tar.md5 member fails its check; a member without a trailer has no expected MD5', async () => {
	const bad = await checkTarMd5(Readable.from([tarMd5('BL.tar.md5', 5000, {corrupt: true})]));
	assert.notEqual(bad.expected, bad.actual);
	const none = await checkTarMd5(Readable.from([Buffer.alloc(4096)]));
	assert.equal(none.expected, undefined);
});

for (const zip64 of [false, true]) {
	test(`the zip reader lists stored and deflated members${zip64 ? ' (zip64 records)' : ''} and verifies them`, async () => withTemp(async dir => {
		const path = join(dir, 'fw.zip');
		await writeFile(path, makeZip([
			{name: 'AP_X.tar.md5', data: tarMd5('AP_X.tar.md5', 200_000)},
			{name: 'CSC_X.tar.md5', data: tarMd5('CSC_X.tar.md5', 50_000), deflate: true},
			{name: 'readme.txt', data: Buffer.from('hi')},
		], {zip64}));
		const entries = await readZipDirectory(path);
		assert.deepEqual(entries.map(e => [e.name, e.method]), [['AP_X.tar.md5', 0], ['CSC_X.tar.md5', 8], ['readme.txt', 0]]);
		assert.equal(entries[0]!.uncompressedSize, 200_000 + 1024 + 43);
		const checked = await verifyFirmwareZip(path);
		assert.deepEqual(checked.map(c => c.name), ['AP_X.tar.md5', 'CSC_X.tar.md5']);
	}));
}

test('verification names the corrupt member', async () => withTemp(async dir => {
	const path = join(dir, 'fw.zip');
	await writeFile(path, makeZip([
		{name: 'AP_X.tar.md5', data: tarMd5('AP_X.tar.md5', 10_000)},
		{name: 'CP_X.tar.md5', data: tarMd5('CP_X.tar.md5', 10_000, {corrupt: true}), deflate: true},
	]));
	await assert.rejects(verifyFirmwareZip(path), (error: {code: string; message: string}) => error.code === 'MD5_MISMATCH' && error.message.includes('CP_X.tar.md5'));
}));

test('a file that is not a zip is NOT_A_ZIP', async () => withTemp(async dir => {
	const path = join(dir, 'junk.zip');
	await writeFile(path, Buffer.alloc(5000, 7));
	await assert.rejects(verifyFirmwareZip(path), {code: 'NOT_A_ZIP'});
}));
