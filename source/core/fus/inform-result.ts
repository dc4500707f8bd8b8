/** Turns a BinaryInform reply into the typed facts the rest of fusdeck uses. */
import {FusError, ProtocolError} from '../errors.js';
import {enc2Key, enc4Key} from './crypto.js';
import type {InformQuery, ProtocolName} from './variant.js';
import type {FusFields} from './xml.js';
import {quote} from '../quote.js';

export type InformResult = {
	protocol: ProtocolName;
	model: string;
	csc: string;
	/** The version we asked for. */
	requestedVersion: string;
	/** The version the server serves (it may be newer than the one asked for). */
	version: string;
	binaryName: string;
	/** Encrypted size in bytes. */
	size: number;
	/** CRC32 of the encrypted file, when the server gave it. */
	crc32?: number;
	modelPath: string;
	modelType: string;
	localCode: string;
	displayName?: string;
	osVersion?: string;
	encryption: 'enc2' | 'enc4';
	key: Buffer;
	/** Every field of the reply, for `--json` and debugging. */
	fields: FusFields;
};

function required(fields: FusFields, name: string): string {
	const value = fields[name]?.trim();
	if (!value) {
		throw new ProtocolError('BAD_REPLY', `The server's inform reply lacks ${name}`, {stage: 'inform'});
	}

	return value;
}

export function informResultFrom(fields: FusFields, query: InformQuery, protocol: ProtocolName): InformResult {
	const binaryName = required(fields, 'BINARY_NAME');
	const sizeText = required(fields, 'BINARY_BYTE_SIZE');
	if (!/^\d{1,15}$/.test(sizeText)) {
		throw new ProtocolError('BAD_REPLY', `The server announced an unreadable file size ${quote(sizeText, 40)}`, {stage: 'inform'});
	}

	const crcText = fields['BINARY_CRC']?.trim();
	let crc32: number | undefined;
	if (crcText) {
		crc32 = Number(crcText);
		if (!/^\d{1,10}$/.test(crcText) || crc32 > 0xff_ff_ff_ff) {
			throw new ProtocolError('BAD_REPLY', `The server announced an unreadable CRC ${quote(crcText, 40)}`, {stage: 'inform'});
		}
	}

	// Classic keys on LATEST_FW_VERSION; Smart on the served BINARY_SW_VERSION (samloader, samloader-rs).
	const served = protocol === 'smart'
		? fields['BINARY_SW_VERSION']?.trim() || fields['LATEST_FW_VERSION']?.trim()
		: fields['LATEST_FW_VERSION']?.trim() || fields['BINARY_SW_VERSION']?.trim();
	const version = served || query.version;
	const encryption = binaryName.toLowerCase().endsWith('.enc2') ? 'enc2' : 'enc4';
	let key: Buffer;
	if (encryption === 'enc2') {
		key = enc2Key(query.csc, query.model, version);
	} else {
		const logicValue = fields['LOGIC_VALUE_FACTORY']?.trim() || fields['LOGIC_VALUE_HOME']?.trim();
		if (!logicValue) {
			throw new ProtocolError('BAD_REPLY', 'The server\'s inform reply lacks LOGIC_VALUE_FACTORY, so the file key cannot be derived', {stage: 'inform'});
		}

		if (version.length < 16) {
			throw new ProtocolError('BAD_REPLY', `The served version ${quote(version)} is too short to derive the file key`, {stage: 'inform'});
		}

		key = enc4Key(version, logicValue);
	}

	return {
		protocol,
		model: query.model,
		csc: query.csc,
		requestedVersion: query.version,
		version,
		binaryName,
		size: Number(sizeText),
		crc32,
		modelPath: fields['MODEL_PATH']?.trim() ?? '',
		modelType: fields['DEVICE_MODEL_TYPE']?.trim() ?? '',
		localCode: fields['BINARY_LOCAL_CODE']?.trim() || query.csc,
		displayName: fields['DEVICE_MODEL_DISPLAYNAME']?.trim() || undefined,
		osVersion: fields['BINARY_OS_VERSION']?.trim() || fields['CURRENT_OS_VERSION']?.trim() || undefined,
		encryption,
		key,
		fields,
	};
}

/** A body status that is not success becomes a typed error carrying what `explain` needs. */
export function refusal(status: string, stage: 'inform' | 'init' | 'history', protocol: ProtocolName, query: {model: string; csc: string; deviceId?: string}): FusError {
	const context = {stage, fusStatus: status, protocol, model: query.model, csc: query.csc, sentDeviceId: Boolean(query.deviceId)};
	if (protocol === 'smart' && status === 'S01') {
		return new FusError('SMART_REFUSED', `The Smart service refused ${query.model}/${query.csc} (status S01)`, context);
	}

	const what: Record<string, string> = {
		'400': 'a bad request: unknown model, CSC or version, or a wrong LOGIC_CHECK',
		'401': 'the session or signature was not accepted',
		'408': query.deviceId ? 'the IMEI/serial is not accepted for this model' : 'an IMEI or serial of the model is required',
	};
	return new FusError('FUS_STATUS', `FUS refused the ${stage} for ${query.model}/${query.csc} with status ${status}${what[status] ? `: ${what[status]}` : ''}`, context);
}
