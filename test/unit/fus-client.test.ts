import {test} from 'node:test';
import assert from 'node:assert/strict';
import {FusClient} from '../../source/core/fus/client.js';
import {openDownload} from '../../source/core/fus/open-download.js';
import {FusError} from '../../source/core/errors.js';
import {startMiniFus} from '../helpers/mini-fus-server.js';

const version = 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1';
const reply = {
	BINARY_NAME: 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4',
	BINARY_BYTE_SIZE: '64',
	BINARY_CRC: '12345',
	MODEL_PATH: '/neofus/9/',
	LOGIC_VALUE_FACTORY: 'aK3nQ9xZ2bW7cR5v',
	BINARY_SW_VERSION: version,
	DEVICE_MODEL_TYPE: '9',
	BINARY_LOCAL_CODE: 'EUX',
};

async function readAll(body: AsyncIterable<unknown>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) {
		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks);
}

test('a Smart session adopts rotated nonces and the cookie through inform, init and a ranged download', async t => {
	const file = Buffer.from(Array.from({length: 64}, (_, i) => i));
	const server = await startMiniFus(file, reply);
	t.after(async () => server.close());
	const endpoints = {fus: server.url, download: server.url, fota: server.url};
	const opened = await openDownload({model: 'SM-S918B', csc: 'EUX', version}, {endpoints, protocol: 'smart'});
	assert.equal(opened.info.protocol, 'smart');
	assert.equal(opened.remote.size, 64);
	assert.deepEqual(server.log, ['/NF_SmartDownloadGenerateNonce.do', '/NF_SmartDownloadBinaryInform.do', '/NF_SmartDownloadBinaryInitForMass.do']);
	const response = await opened.source.requestRange(16, 31);
	assert.equal(response.statusCode, 206);
	assert.deepEqual(await readAll(response.body), file.subarray(16, 32));
});

test('after the server withdraws authorisation, renew (one shared renewal) makes ranges work again', async t => {
	const file = Buffer.alloc(64, 7);
	const server = await startMiniFus(file, reply);
	t.after(async () => server.close());
	const endpoints = {fus: server.url, download: server.url, fota: server.url};
	const opened = await openDownload({model: 'SM-S918B', csc: 'EUX', version}, {endpoints, protocol: 'smart'});
	server.revoke();
	const refused = await opened.source.requestRange(0, 15);
	await readAll(refused.body);
	assert.equal(refused.statusCode, 401);
	server.log.length = 0;
	await Promise.all([opened.source.renew(), opened.source.renew(), opened.source.renew()]);
	assert.deepEqual(server.log, ['/NF_SmartDownloadGenerateNonce.do', '/NF_SmartDownloadBinaryInitForMass.do'], 'Smart renewal is a new nonce and a new init, once');
	const again = await opened.source.requestRange(0, 15);
	assert.equal(again.statusCode, 206);
	assert.deepEqual(await readAll(again.body), file.subarray(0, 16));
});

test('a Smart refusal (S01) without a device id tells the user how to fall back to classic', async t => {
	const server = await startMiniFus(Buffer.alloc(16), reply);
	t.after(async () => server.close());
	const endpoints = {fus: server.url, download: server.url, fota: server.url};
	await assert.rejects(openDownload({model: 'SM-A546B', csc: 'EUX', version}, {endpoints, protocol: 'auto'}), (error: unknown) =>
		error instanceof FusError && error.code === 'SMART_REFUSED' && /give --imei or store one/.test(error.message));
	await assert.rejects(new FusClient({endpoints, protocol: 'classic'}).history('SM-S918B', 'EUX'), /needs the Smart protocol/);
});
