import {actionLabels} from '../core/explain/action-labels.js';
import type {ExplainContext} from '../core/explain/context.js';
import {explainCode, listExplanations, understoodInputs} from '../core/explain/explain.js';
import type {Explanation} from '../core/explain/types.js';
import {UsageError, type ErrorStage} from '../core/errors.js';
import {outputOptions, parseCommandArgs} from './options.js';
import {exitCodes, type Command, type CommandIO} from './types.js';
import {quote} from '../core/quote.js';

const stages = ['nonce', 'inform', 'init', 'download', 'version', 'history', 'verify', 'decrypt', 'input', 'config', 'disk'] as const satisfies readonly ErrorStage[];
// Fails to compile when errors.ts gains a stage this list lacks.
const allStagesListed: Exclude<ErrorStage, (typeof stages)[number]> extends never ? true : never = true;
void allStagesListed;

const options = {
	...outputOptions,
	list: {type: 'boolean', default: false},
	stage: {type: 'string'},
	'imei-sent': {type: 'boolean', default: false},
	'no-imei': {type: 'boolean', default: false},
	protocol: {type: 'string'},
	model: {type: 'string'},
	csc: {type: 'string'},
	'retry-after': {type: 'string'},
	'recent-failures': {type: 'string'},
} as const;

const usage = `Usage: fusdeck explain CODE|MESSAGE... [--json] [context options]
       fusdeck explain --list [--json]

Explains ${understoodInputs}:
what it means, the likely cause, the fix and the next action.

Context (sharpens the likely cause):
  --stage S              where it failed: ${stages.join(', ')}
  --imei-sent            an IMEI/serial was sent      --no-imei   none was sent
  --protocol P           smart or classic             --model M, --csc C
  --retry-after N        the server asked to wait N seconds
  --recent-failures N    requests that failed in the last minutes

Examples:
  fusdeck explain 408 --no-imei
  fusdeck explain "HTTP 401" --stage download
  fusdeck explain "<ID:0/004> MD5 error! Binary is invalid"
`;

export const explainCommand: Command = {
	name: 'explain',
	summary: 'explain an error code, HTTP/FUS status or a tool\'s message',
	usage,
	async run(args: string[], io: CommandIO): Promise<number> {
		const {values, positionals} = parseCommandArgs('explain', args, options);
		if (values.list) {
			const all = listExplanations();
			io.stdout.write(values.json ? JSON.stringify(all) + '\n' : listText(all));
			return exitCodes.ok;
		}

		const input = positionals.join(' ').trim();
		if (input === '') {
			throw new UsageError(`explain: give a code or a message, e.g. fusdeck explain 408. It understands ${understoodInputs}`);
		}

		const explanation = explainCode(input, contextFrom(values));
		if (!explanation) {
			throw new UsageError(`explain: no entry for ${quote(input, 80)}. It understands ${understoodInputs}; see fusdeck explain --list`);
		}

		io.stdout.write(values.json ? JSON.stringify(explanation) + '\n' : explanationText(explanation));
		return exitCodes.ok;
	},
};

type Values = {
	stage?: string;
	'imei-sent'?: boolean;
	'no-imei'?: boolean;
	protocol?: string;
	model?: string;
	csc?: string;
	'retry-after'?: string;
	'recent-failures'?: string;
};

function contextFrom(values: Values): ExplainContext {
	const context: ExplainContext = {};
	if (values.stage !== undefined) {
		const stage = stages.find(s => s === values.stage);
		if (!stage) {
			throw new UsageError(`explain: --stage takes one of ${stages.join(', ')}, not ${quote(values.stage)}`);
		}

		context.stage = stage;
	}

	if (values['imei-sent'] && values['no-imei']) {
		throw new UsageError('explain: give --imei-sent or --no-imei, not both');
	}

	if (values['imei-sent'] || values['no-imei']) {
		context.sentDeviceId = Boolean(values['imei-sent']);
	}

	if (values.protocol !== undefined) {
		if (values.protocol !== 'smart' && values.protocol !== 'classic') {
			throw new UsageError(`explain: --protocol takes smart or classic, not ${quote(values.protocol)}`);
		}

		context.protocol = values.protocol;
	}

	if (values.model) {
		context.model = values.model.trim().toUpperCase();
	}

	if (values.csc) {
		context.csc = values.csc.trim().toUpperCase();
	}

	context.retryAfter = count(values['retry-after'], '--retry-after');
	context.recentFailures = count(values['recent-failures'], '--recent-failures');
	return context;
}

function count(value: string | undefined, flag: string): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const number = Number(value);
	if (!Number.isInteger(number) || number < 0) {
		throw new UsageError(`explain: ${flag} takes a whole number, not ${quote(value)}`);
	}

	return number;
}

function explanationText(explanation: Explanation): string {
	const lines = [
		`${explanation.title}  [${explanation.id}]`,
		`  meaning: ${explanation.meaning}`,
		`  cause:   ${explanation.cause}`,
		`  fix:     ${explanation.fix}`,
	];
	if (explanation.action) {
		lines.push(`  next:    ${actionLabels[explanation.action]} [${explanation.action}]`);
	}

	return lines.join('\n') + '\n';
}

function listText(all: Explanation[]): string {
	const width = Math.max(...all.map(e => e.id.length));
	return all.map(e => `${e.id.padEnd(width)}  ${e.title}`).join('\n') + '\n';
}
