import {test} from 'node:test';
import assert from 'node:assert/strict';
import {finalNameFor} from '../../source/core/transfer/safe-name.js';
import {TransferError} from '../../source/core/errors.js';

test('the final name drops .enc2/.enc4 and keeps a plain name', () => {
	assert.equal(finalNameFor('SM-S918B_1_20251103021001_k6hk0664tq_fac.zip.enc4'), 'SM-S918B_1_20251103021001_k6hk0664tq_fac.zip');
	assert.equal(finalNameFor('SM-G991B_fw.zip.enc2'), 'SM-G991B_fw.zip');
});

test('names that could escape the download folder or confuse a terminal are refused', () => {
	for (const name of ['../evil.zip.enc4', '/etc/passwd', 'a/b.zip', 'a\\b.zip', '..', '.hidden.zip', 'x\u0000y.zip', 'bell\u0007.zip', 'x'.repeat(300), '.enc4']) {
		assert.throws(() => finalNameFor(name), (error: unknown) => error instanceof TransferError && error.code === 'UNSAFE_NAME', JSON.stringify(name));
	}
});
