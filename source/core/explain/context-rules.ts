import type {ExplainContext} from './context.js';
import {rateLimitThreshold} from './context.js';
import {isOpenCsc} from './open-cscs.js';
import type {Explanation} from './types.js';

/**
 * Rules that sharpen an entry's likely cause, fix and action from the context. Each rule names the
 * entries it refines; all matching rules apply in order, so a later, stronger signal (many recent
 * failures) overrides an earlier one (the stage).
 */
export type ContextRule = {
	id: string;
	entries: readonly string[];
	when(context: ExplainContext): boolean;
	refine(base: Explanation, context: ExplainContext): Partial<Explanation>;
};

const sessionStages = new Set(['nonce', 'inform', 'init', 'history']);
const unauthorised = ['http-401', 'fus-401', 'msg-unauthorized'];

export const contextRules: readonly ContextRule[] = [
	{
		id: 'imei-not-sent',
		entries: ['fus-408', 'msg-invalid-imei'],
		when: context => context.sentDeviceId === false,
		refine: () => ({
			cause: 'No IMEI or serial was sent, and the classic protocol refuses requests without one.',
			fix: 'Use the Smart protocol, which needs no IMEI; or store an IMEI/serial of a device of this model.',
			action: 'use-smart',
		}),
	},
	{
		id: 'imei-wrong-model',
		entries: ['fus-408', 'msg-invalid-imei'],
		when: context => context.sentDeviceId === true,
		refine: (_, context) => ({
			cause: `An IMEI/serial was sent but not accepted${forModel(context)}: its TAC (first 8 digits) is of another model, or it is mistyped.`,
			fix: 'Enter the IMEI or serial of a real device of this model; or use the Smart protocol, which needs none.',
			action: 'enter-imei',
		}),
	},
	{
		id: 'unauthorised-download',
		entries: unauthorised,
		when: context => context.stage === 'download',
		refine: () => ({
			cause: 'The download authorisation expired: it lasts about 15 to 30 minutes, and a long download or a pause outlived it.',
			fix: 'Resume: a fresh nonce and init renew it, and the download goes on from the same offset.',
			action: 'resume',
		}),
	},
	{
		id: 'unauthorised-session',
		entries: unauthorised,
		when: context => context.stage !== undefined && sessionStages.has(context.stage),
		refine: () => ({
			cause: 'The session or signature was not accepted: a stale nonce, or a signature computed from the wrong nonce.',
			fix: 'Retry with a fresh session.',
			action: 'retry',
		}),
	},
	{
		id: 'init-refused',
		entries: ['fus-400', 'http-400'],
		when: context => context.stage === 'init',
		refine: () => ({
			cause: 'The init was refused: the server does not know the file name, or the LOGIC_CHECK over the name is wrong.',
			fix: 'Start again with a fresh inform, then init the file it names.',
			action: 'retry',
		}),
	},
	{
		id: 'unknown-pair',
		entries: ['http-403', 'code-unknown-pair'],
		when: context => context.stage === 'version',
		refine: (_, context) => ({
			cause: `version.xml has no entry for ${pairText(context)}: a typo in the model code, or a CSC the model is not sold with.`,
			...cscAdvice(context, 'Check the model code (as in Settings → About phone, e.g. SM-S918B)'),
		}),
	},
	{
		id: 'carrier-csc',
		entries: ['code-no-firmware', 'msg-no-firmware-found'],
		when: context => context.csc !== undefined,
		refine: (_, context) => cscAdvice(context, 'The model and CSC are known but have no published build'),
	},
	{
		id: 'retry-after',
		entries: ['http-429', 'code-rate-limited', 'http-503'],
		when: context => (context.retryAfter ?? 0) > 0,
		refine: (base, context) => ({
			cause: `${base.cause} The server asks to wait ${durationText(context.retryAfter!)}.`,
			fix: `Wait ${durationText(context.retryAfter!)}, then retry with fewer parallel requests.`,
			action: 'wait-retry',
		}),
	},
	{
		id: 'ip-rate-limit',
		entries: ['http-429', 'code-rate-limited', ...unauthorised, 'code-link-expired'],
		when: context => (context.recentFailures ?? 0) >= rateLimitThreshold,
		refine: (_, context) => ({
			cause: `${context.recentFailures} requests failed in the last minutes: this looks like IP rate limiting, not a problem with this request.`,
			fix: 'Wait an hour (or switch network) before retrying, and lower the number of parallel requests.',
			action: 'wait-retry',
		}),
	},
	{
		id: 'smart-refused-classic-possible',
		entries: ['fus-s01', 'code-smart-refused'],
		when: context => context.protocol !== 'classic' && context.hasStoredImei === true,
		refine: (_, context) => ({
			cause: `The Smart service refused ${pairText(context)}; an IMEI/serial of the model is stored, so the classic protocol can be asked instead.`,
			fix: 'Retry with the classic protocol (--protocol classic); it uses the stored IMEI/serial.',
			action: 'use-classic',
		}),
	},
	{
		// Last, so that a CSC the catalog lacks is called a likely typo before classic is suggested.
		id: 'smart-refused-unknown-csc',
		entries: ['fus-s01', 'code-smart-refused'],
		when: context => context.cscKnown === false && context.csc !== undefined,
		refine: (_, context) => cscAdvice(context, 'Check the model code'),
	},
];

function cscAdvice(context: ExplainContext, lead: string): Pick<Explanation, 'fix' | 'action'> {
	// The lead assumes a real CSC; an unknown one is most likely a typo, and that comes first.
	if (context.cscKnown === false && context.csc) {
		const near = context.cscSuggestions?.length ? ` (did you mean ${orList(context.cscSuggestions)}?)` : '';
		return {fix: `${context.csc} is not a CSC fusdeck knows${near}: check the CSC (fusdeck cscs lists them) and the model code.`, action: 'other-csc'};
	}

	const open = context.cscCarrier === undefined ? context.csc === undefined || isOpenCsc(context.csc) : context.cscCarrier.toLowerCase() === 'open';
	if (open) {
		return {fix: `${lead}; then try another CSC the model ships with.`, action: 'other-csc'};
	}

	const known = context.cscCarrier !== undefined && context.cscCarrier.toLowerCase() !== 'unknown';
	const which = known ? `${context.csc ?? 'this CSC'} is ${context.cscCarrier}'s, and carrier CSCs often have no public firmware` : `${context.csc} may be a carrier CSC without public firmware`;
	return {fix: `${lead}; ${which}: try the open multi-CSC of the region (EUX in the EU, XAA in the US).`, action: 'try-eux'};
}

function orList(items: readonly string[]): string {
	return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

function pairText(context: ExplainContext): string {
	if (context.model && context.csc) {
		return `${context.model} with CSC ${context.csc}`;
	}

	return context.model ?? (context.csc ? `CSC ${context.csc}` : 'this model and CSC');
}

function forModel(context: ExplainContext): string {
	return context.model ? ` for ${context.model}` : '';
}

/** "90 s (about 2 min)" style, so a long Retry-After reads at a glance. */
export function durationText(seconds: number): string {
	const rounded = Math.ceil(seconds);
	if (rounded < 90) {
		return `${rounded} s`;
	}

	if (rounded < 3600) {
		return `${rounded} s (about ${Math.round(rounded / 60)} min)`;
	}

	return `${rounded} s (about ${Math.round(rounded / 3600)} h)`;
}

/** Applies every rule that names the entry and holds in the context. */
export function applyContextRules(base: Explanation, context: ExplainContext): Explanation {
	let result = base;
	for (const rule of contextRules) {
		if (rule.entries.includes(base.id) && rule.when(context)) {
			result = {...result, ...rule.refine(result, context)};
		}
	}

	return result;
}
