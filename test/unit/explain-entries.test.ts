import {test} from 'node:test';
import assert from 'node:assert/strict';
import {errorCodes} from '../../source/core/error-codes.js';
import {FusdeckError, FusError} from '../../source/core/errors.js';
import {allEntries} from '../../source/core/explain/entries.js';
import {explainCode, explainError, listExplanations} from '../../source/core/explain/explain.js';

test('every entry has an id, a title, a meaning, a cause and a fix, and ids are unique', () => {
	const ids = new Set<string>();
	for (const entry of allEntries) {
		for (const field of ['id', 'title', 'meaning', 'cause', 'fix'] as const) {
			assert.ok(entry[field].trim().length > 0, `${entry.id}: empty ${field}`);
		}

		assert.ok(!ids.has(entry.id), `duplicate id ${entry.id}`);
		ids.add(entry.id);
	}
});

test('every entry is reachable by its id, and code, HTTP and FUS entries by their key', () => {
	for (const entry of allEntries) {
		assert.equal(explainCode(entry.id)?.id, entry.id, `by id: ${entry.id}`);
		const byKey = entry.kind === 'code' ? entry.key
			: entry.kind === 'http' ? `HTTP ${entry.key}`
			: entry.kind === 'fus' && entry.key !== 'other' ? `FUS ${entry.key}`
			: undefined;
		if (byKey) {
			assert.equal(explainCode(byKey)?.id, entry.id, `by key: ${byKey}`);
		}
	}
});

test('every fusdeck error code has an explanation (a new code without one fails here)', () => {
	for (const code of errorCodes) {
		const explanation = explainError(new FusdeckError(code, 'test'));
		assert.ok(explanation.fix.length > 0, code);
		assert.equal(explanation.kind, 'code', code);
		assert.equal(explainCode(code)?.id, explanation.id, code);
	}
});

test('every status of the protocol seed table answers, bare and with a prefix', () => {
	for (const status of ['403', '410', '405', '429', '500', '501', '502', '503', '504', '400', '401', '408']) {
		assert.ok(explainCode(status), status);
		assert.equal(explainCode(`HTTP ${status}`)?.kind, 'http', `HTTP ${status}`);
	}
});

test('a bare FUS-style status reads as the FUS body status, others as HTTP', () => {
	assert.equal(explainCode('408')?.id, 'fus-408');
	assert.equal(explainCode('400')?.id, 'fus-400');
	assert.equal(explainCode('429')?.id, 'http-429');
	assert.equal(explainCode('HTTP 408')?.id, 'http-408');
	assert.equal(explainCode('http/1.1 503')?.id, 'http-503');
	assert.equal(explainCode('s01')?.id, 'fus-s01');
	assert.equal(explainCode('S00')?.id, 'fus-s00');
	assert.equal(explainCode('F01')?.id, 'fus-f01');
});

test('a bare 401 at the download stage reads as HTTP and means an expired link', () => {
	const explanation = explainCode('401', {stage: 'download'});
	assert.equal(explanation?.id, 'http-401');
	assert.equal(explanation?.action, 'resume');
});

test('statuses without their own entry fall back to the generic 4xx/5xx or unlisted FUS entry', () => {
	assert.equal(explainCode('HTTP 418')?.id, 'http-4xx');
	assert.equal(explainCode('599')?.id, 'http-5xx');
	assert.equal(explainCode('S07')?.id, 'fus-other');
	assert.equal(explainCode('FUS 777')?.id, 'fus-other');
	assert.equal(explainCode('HTTP 200'), undefined);
});

test('fusdeck codes match case-insensitively and with dashes', () => {
	assert.equal(explainCode('crc_mismatch')?.id, 'code-crc-mismatch');
	assert.equal(explainCode('crc-mismatch')?.id, 'code-crc-mismatch');
	assert.equal(explainCode('  FUS_STATUS ')?.id, 'code-fus-status');
});

test('a FUS_STATUS error is explained by its body status, an HTTP_STATUS error by its HTTP status', () => {
	assert.equal(explainError(new FusError('FUS_STATUS', 'x', {fusStatus: '408'})).id, 'fus-408');
	assert.equal(explainError(new FusError('FUS_STATUS', 'x', {fusStatus: 'S05'})).id, 'fus-other');
	assert.equal(explainError(new FusError('FUS_STATUS', 'x', {fusStatus: 'garbage'})).id, 'code-fus-status');
	assert.equal(explainError(new FusError('HTTP_STATUS', 'x', {httpStatus: 404})).id, 'http-404');
	assert.equal(explainError(new FusError('HTTP_STATUS', 'x', {httpStatus: 418})).id, 'http-4xx');
	assert.equal(explainError(new FusError('HTTP_STATUS', 'x')).id, 'code-http-status');
});

test('unknown input gives undefined, and the list holds every entry without internal keys', () => {
	assert.equal(explainCode('the quick brown fox'), undefined);
	assert.equal(explainCode('   '), undefined);
	const list = listExplanations();
	assert.equal(list.length, allEntries.length);
	assert.ok(list.every(entry => !('key' in entry)));
});
