/**
 * version.xml: the public, unauthenticated "latest firmware" file per model/CSC on the FOTA host.
 * Shape: versioninfo/firmware/{model,cc,version/{latest[@o],upgrade/value[@rcount,@fwsize]*}}.
 */
import {XMLParser} from 'fast-xml-parser';
import type {Dispatcher} from 'undici';
import {FusError, ProtocolError} from '../errors.js';
import {httpCall} from '../http.js';
import {hardenedParserOptions, parserMessage, xmlRefusal} from '../xml-limits.js';
import {toFourParts} from './four-parts.js';

export type UpgradeEntry = {version: string; rcount?: number; fwsize?: number};

export type VersionInfo = {
	model: string;
	csc: string;
	/** Four-part latest version; undefined when the pair has no firmware (empty `<latest/>`). */
	latest?: string;
	/** Android version of the latest build (the `o` attribute), e.g. "15". */
	android?: string;
	/** Earlier versions the file lists, as given (four parts each). */
	upgrades: UpgradeEntry[];
};

const parser = new XMLParser({
	...hardenedParserOptions,
	parseTagValue: false,
	parseAttributeValue: false,
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	textNodeName: '#text',
	isArray: name => name === 'value',
});

type Node = Record<string, unknown>;
const node = (value: unknown): Node | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof node(value)?.['#text'] === 'string' ? (node(value)!['#text'] as string) : '').trim();
const numberAttribute = (value: unknown, name: string): number | undefined => {
	const raw = node(value)?.[`@${name}`];
	return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
};

export function parseVersionXml(xml: string, model: string, csc: string): VersionInfo {
	const refusal = xmlRefusal(xml);
	if (refusal) {
		throw new ProtocolError('BAD_REPLY', `version.xml for ${model}/${csc} ${refusal}; refusing to parse it`, {stage: 'version', model, csc});
	}

	let parsed: Node | undefined;
	try {
		parsed = node(parser.parse(xml, true));
	} catch (error) {
		throw new ProtocolError('BAD_REPLY', `version.xml for ${model}/${csc} is not valid XML (${parserMessage(error)})`, {stage: 'version', model, csc}, {cause: error});
	}

	const firmware = node(node(parsed?.['versioninfo'])?.['firmware']);
	const version = node(firmware?.['version']);
	if (!firmware || !version) {
		throw new ProtocolError('BAD_REPLY', `version.xml for ${model}/${csc} has no versioninfo/firmware/version`, {stage: 'version', model, csc});
	}

	const latestNode = version['latest'];
	const latestText = text(latestNode);
	const android = node(latestNode)?.['@o'];
	const values = node(version['upgrade'])?.['value'];
	const upgrades = (Array.isArray(values) ? values : [])
		.map(value => ({version: text(value), rcount: numberAttribute(value, 'rcount'), fwsize: numberAttribute(value, 'fwsize')}))
		.filter(entry => entry.version !== '')
		.map(entry => ({...entry, version: toFourParts(entry.version)}));
	return {
		model,
		csc,
		latest: latestText ? toFourParts(latestText) : undefined,
		android: typeof android === 'string' && android.trim() ? android.trim() : undefined,
		upgrades,
	};
}

export type FetchVersionOptions = {fotaUrl: string; dispatcher?: Dispatcher; timeoutMs?: number; signal?: AbortSignal};

export async function fetchVersionInfo(model: string, csc: string, options: FetchVersionOptions): Promise<VersionInfo> {
	const url = `${options.fotaUrl}/firmware/${encodeURIComponent(csc)}/${encodeURIComponent(model)}/version.xml`;
	const reply = await httpCall(url, {dispatcher: options.dispatcher, timeoutMs: options.timeoutMs, signal: options.signal, stage: 'version', maxBytes: 1024 * 1024});
	if (reply.statusCode === 403 || reply.statusCode === 404) {
		throw new FusError('UNKNOWN_PAIR', `No firmware is published for ${model} with CSC ${csc} (HTTP ${reply.statusCode}): check the model code and CSC`, {stage: 'version', httpStatus: reply.statusCode, model, csc, url});
	}

	if (reply.statusCode !== 200) {
		throw new FusError('HTTP_STATUS', `version.xml for ${model}/${csc} answered HTTP ${reply.statusCode}`, {stage: 'version', httpStatus: reply.statusCode, model, csc, url});
	}

	return parseVersionXml(reply.text, model, csc);
}
