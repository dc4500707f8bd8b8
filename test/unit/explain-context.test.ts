import {test} from 'node:test';
import assert from 'node:assert/strict';
import {FusError, NetworkError} from '../../source/core/errors.js';
import {contextRules, durationText} from '../../source/core/explain/context-rules.js';
import type {ExplainContext} from '../../source/core/explain/context.js';
import {explainCode, explainError} from '../../source/core/explain/explain.js';
import type {Explanation} from '../../source/core/explain/types.js';

type Case = {
	rule: string;
	input: string;
	trigger: ExplainContext;
	expect: Partial<Explanation> & {causeMatches?: RegExp; fixMatches?: RegExp};
	without: ExplainContext;
};

/** One case per context rule: the context that triggers it, and one that does not. */
const cases: Case[] = [
	{rule: 'imei-not-sent', input: 'FUS 408', trigger: {sentDeviceId: false}, expect: {action: 'use-smart', causeMatches: /No IMEI/}, without: {}},
	{rule: 'imei-wrong-model', input: 'FUS 408', trigger: {sentDeviceId: true, model: 'SM-S918B'}, expect: {action: 'enter-imei', causeMatches: /not accepted for SM-S918B.*another model/}, without: {}},
	{rule: 'unauthorised-download', input: 'HTTP 401', trigger: {stage: 'download'}, expect: {action: 'resume', causeMatches: /expired/}, without: {stage: 'verify'}},
	{rule: 'unauthorised-session', input: 'FUS 401', trigger: {stage: 'inform'}, expect: {action: 'retry', causeMatches: /session or signature/}, without: {stage: 'verify'}},
	{rule: 'init-refused', input: 'FUS 400', trigger: {stage: 'init'}, expect: {action: 'retry', causeMatches: /init was refused/}, without: {stage: 'inform'}},
	{rule: 'unknown-pair', input: 'HTTP 403', trigger: {stage: 'version', model: 'SM-S918B', csc: 'VD2'}, expect: {action: 'try-eux', causeMatches: /SM-S918B with CSC VD2/}, without: {stage: 'download'}},
	{rule: 'carrier-csc', input: 'No firmware found', trigger: {csc: 'EUX'}, expect: {action: 'other-csc', fixMatches: /another CSC/}, without: {}},
	{rule: 'retry-after', input: 'HTTP 429', trigger: {retryAfter: 120}, expect: {action: 'wait-retry', fixMatches: /Wait 120 s \(about 2 min\)/}, without: {retryAfter: 0}},
	{rule: 'ip-rate-limit', input: 'Unauthorized', trigger: {recentFailures: 12}, expect: {action: 'wait-retry', causeMatches: /12 requests failed.*IP rate limiting/, fixMatches: /Wait an hour/}, without: {recentFailures: 2}},
	{rule: 'smart-refused-unknown-csc', input: 'S01', trigger: {protocol: 'smart', hasStoredImei: true, csc: 'EXU', cscKnown: false, cscSuggestions: ['EUX']}, expect: {action: 'other-csc', fixMatches: /^EXU is not a CSC fusdeck knows \(did you mean EUX\?\)/}, without: {protocol: 'smart', csc: 'EUX', cscKnown: true}},
	{rule: 'smart-refused-classic-possible', input: 'S01', trigger: {protocol: 'smart', hasStoredImei: true, model: 'SM-S918B', csc: 'EUX'}, expect: {action: 'use-classic', fixMatches: /classic/}, without: {protocol: 'smart', hasStoredImei: false}},
];

test('every context rule has a case', () => {
	const covered = new Set(cases.map(c => c.rule));
	for (const rule of contextRules) {
		assert.ok(covered.has(rule.id), `no case for rule ${rule.id}`);
	}
});

for (const c of cases) {
	test(`rule ${c.rule}: applies with its context`, () => {
		const explanation = explainCode(c.input, c.trigger)!;
		const {causeMatches, fixMatches, ...fields} = c.expect;
		for (const [field, value] of Object.entries(fields)) {
			assert.equal(explanation[field as keyof Explanation], value, field);
		}

		if (causeMatches) {
			assert.match(explanation.cause, causeMatches);
		}

		if (fixMatches) {
			assert.match(explanation.fix, fixMatches);
		}
	});

	test(`rule ${c.rule}: leaves the entry alone without its context`, () => {
		assert.deepEqual(explainCode(c.input, c.without), explainCode(c.input));
	});
}

test('the carrier-CSC rule suggests EUX for a CSC outside the open list', () => {
	const explanation = explainCode('NO_FIRMWARE', {csc: 'VD2'})!;
	assert.equal(explanation.action, 'try-eux');
	assert.match(explanation.fix, /VD2 may be a carrier CSC/);
});

test('a carrier named by the caller decides over the built-in list of open CSCs', () => {
	const vodafone = explainCode('NO_FIRMWARE', {csc: 'VD2', cscCarrier: 'Vodafone'})!;
	assert.equal(vodafone.action, 'try-eux');
	assert.match(vodafone.fix, /VD2 is Vodafone's/);
	assert.equal(explainCode('NO_FIRMWARE', {csc: 'QQQ', cscCarrier: 'open'})?.action, 'other-csc');
	assert.equal(explainCode('NO_FIRMWARE', {csc: 'XEF', cscCarrier: 'SFR'})?.action, 'try-eux');
});

test('an unknown CSC is explained as a likely typo, with the known codes a keystroke away', () => {
	const typo = explainCode('NO_FIRMWARE', {csc: 'EXU', cscKnown: false, cscSuggestions: ['EUX', 'XEU']})!;
	assert.equal(typo.action, 'other-csc');
	assert.equal(typo.fix, 'EXU is not a CSC fusdeck knows (did you mean EUX or XEU?): check the CSC (fusdeck cscs lists them) and the model code.');
	assert.match(explainCode('NO_FIRMWARE', {csc: 'QQZ', cscKnown: false})!.fix, /^QQZ is not a CSC fusdeck knows: check/);
});

test('many recent failures override the stage: a 401 on a download is then rate limiting', () => {
	assert.equal(explainCode('HTTP 401', {stage: 'download', recentFailures: 3})?.action, 'resume');
	assert.equal(explainCode('HTTP 401', {stage: 'download', recentFailures: 8})?.action, 'wait-retry');
});

test('a refusal from the client explains with the context it carries', () => {
	const noImei = new FusError('FUS_STATUS', 'refused', {stage: 'inform', fusStatus: '408', protocol: 'classic', sentDeviceId: false});
	assert.equal(explainError(noImei).action, 'use-smart');
	const wrongImei = new FusError('FUS_STATUS', 'refused', {stage: 'inform', fusStatus: '408', protocol: 'classic', sentDeviceId: true});
	assert.equal(explainError(wrongImei).action, 'enter-imei');
	const refused = new FusError('SMART_REFUSED', 'S01', {stage: 'inform', fusStatus: 'S01', protocol: 'smart', model: 'SM-S918B', csc: 'EUX'});
	assert.equal(explainError(refused).action, 'other-csc');
	assert.equal(explainError(refused, {hasStoredImei: true}).action, 'use-classic');
	const limited = new FusError('RATE_LIMITED', '429', {stage: 'version', httpStatus: 429, retryAfter: 7200});
	assert.match(explainError(limited).fix, /about 2 h/);
	assert.equal(explainError(new NetworkError('TIMEOUT', 'slow', {stage: 'download'})).action, 'retry');
});

test('durations read in seconds, minutes or hours', () => {
	assert.equal(durationText(30), '30 s');
	assert.equal(durationText(600), '600 s (about 10 min)');
	assert.equal(durationText(3600), '3600 s (about 1 h)');
});
