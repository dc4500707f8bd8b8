/**
 * FUS message bodies: `<FUSMsg><FUSHdr>…</FUSHdr><FUSBody><Put>…</Put></FUSBody></FUSMsg>` with each field
 * as `<NAME><Data>value</Data></NAME>`. Values stay strings ("00012" and "1.0" must not become numbers).
 * Both directions live here because the emulator speaks the same format.
 */
import {XMLBuilder, XMLParser} from 'fast-xml-parser';
import {ProtocolError, type ErrorStage} from '../errors.js';
import {hardenedParserOptions, maxXmlBytes, parserMessage, xmlRefusal} from '../xml-limits.js';

/** Replies bigger than this are refused before parsing: real ones are a few KiB, history a few hundred. */
export const maxReplyBytes = maxXmlBytes;

export type FusFields = Record<string, string>;

export type FusReply = {
	/** `Results/Status`: "200"/"S00" on success, else the FUS error code. */
	status: string;
	/** Every `NAME/Data` under `FUSBody/Results` and `FUSBody/Put`. */
	fields: FusFields;
	/** Each `FUSBody/Put/BINARY_INFO` record (SmartHistory). */
	records: FusFields[];
};

export type FusRequest = {put: FusFields; get: string[]};

const parser = new XMLParser({
	...hardenedParserOptions,
	parseTagValue: false,
	ignoreAttributes: true,
	isArray: (name: string) => name === 'BINARY_INFO',
});

const builder = new XMLBuilder({format: false, suppressEmptyNode: false});

type XmlNode = Record<string, unknown>;

function asNode(value: unknown): XmlNode | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** `{NAME: {Data: 'v'}}` → `{NAME: 'v'}`; a field without Data, or with a non-text Data, is skipped. */
function dataFields(node: XmlNode | undefined): FusFields {
	const fields: FusFields = {};
	for (const [name, value] of Object.entries(node ?? {})) {
		const data = asNode(value)?.['Data'];
		if (typeof data === 'string') {
			fields[name] = data;
		}
	}

	return fields;
}

function parseXml(text: string, what: string, stage: ErrorStage): XmlNode {
	const refusal = xmlRefusal(text);
	if (refusal) {
		throw new ProtocolError('BAD_REPLY', `The ${what} ${refusal}; refusing to parse it`, {stage});
	}

	try {
		const parsed = asNode(parser.parse(text, true));
		if (parsed) {
			return parsed;
		}
	} catch (error) {
		throw new ProtocolError('BAD_REPLY', `The ${what} is not valid XML (${parserMessage(error)})`, {stage}, {cause: error});
	}

	throw new ProtocolError('BAD_REPLY', `The ${what} is empty`, {stage});
}

export function parseFusReply(text: string, stage: ErrorStage): FusReply {
	const root = asNode(parseXml(text, 'server reply', stage)['FUSMsg']);
	const body = asNode(root?.['FUSBody']);
	if (!body) {
		throw new ProtocolError('BAD_REPLY', 'The server reply has no FUSMsg/FUSBody: it is not a FUS message', {stage});
	}

	const results = asNode(body['Results']);
	const status = results?.['Status'];
	if (typeof status !== 'string' || status.trim() === '') {
		throw new ProtocolError('BAD_REPLY', 'The server reply has no Results/Status', {stage});
	}

	const put = asNode(body['Put']);
	const rawRecords = put?.['BINARY_INFO'];
	const records = Array.isArray(rawRecords) ? rawRecords.map(record => dataFields(asNode(record))) : [];
	return {status: status.trim(), fields: {...dataFields(results), ...dataFields(put)}, records};
}

/** Parses a request body (the emulator's side). */
export function parseFusRequest(text: string): FusRequest {
	const root = asNode(parseXml(text, 'request body', 'input')['FUSMsg']);
	const body = asNode(root?.['FUSBody']);
	if (!body) {
		throw new ProtocolError('BAD_REPLY', 'The request has no FUSMsg/FUSBody', {stage: 'input'});
	}

	const get = asNode(body['Get']);
	return {put: dataFields(asNode(body['Put'])), get: Object.keys(get ?? {}).filter(name => name !== 'CmdID')};
}

const wrapFields = (fields: FusFields) => Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, {Data: value}]));

/** Builds a request body with the fields to put and, for Smart inform, the fields to get. */
export function buildFusRequest(put: FusFields, options: {get?: string[]} = {}): string {
	const body: XmlNode = {Put: {CmdID: '1', ...wrapFields(put)}};
	if (options.get?.length) {
		body['Get'] = {CmdID: '2', ...Object.fromEntries(options.get.map(name => [name, '']))};
	}

	return builder.build({FUSMsg: {FUSHdr: {ProtoVer: '1.0', SessionID: '0', MsgID: '1'}, FUSBody: body}}) as string;
}

/** Builds a reply (the emulator's side). */
export function buildFusReply(reply: {status: string; results?: FusFields; put?: FusFields; records?: FusFields[]}): string {
	const put: XmlNode = wrapFields(reply.put ?? {});
	if (reply.records) {
		put['BINARY_INFO'] = reply.records.map(record => wrapFields(record));
	}

	return builder.build({
		FUSMsg: {
			FUSHdr: {ProtoVer: '1.0'},
			FUSBody: {Results: {Status: reply.status, ...wrapFields(reply.results ?? {})}, Put: put},
		},
	}) as string;
}
