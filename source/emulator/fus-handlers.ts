/**
 * The POST endpoints of both variants: inform, init and SmartHistory. Each returns the reply body;
 * FUS refusals are HTTP 200 with a body status (classic 400/401/408, Smart S01/401).
 */
import {classicInitLogicInput, historySignature, logicCheck, smartInitLogicInput} from '../core/fus/crypto.js';
import type {ProtocolName} from '../core/fus/variant.js';
import {buildFusReply, type FusFields} from '../core/fus/xml.js';
import {findEmulatorModel, type EmulatorModel} from './catalog.js';
import {deviceIdAccepted} from './device-check.js';
import type {Faults} from './faults.js';
import type {EmulatorFirmware, FirmwareIdentity} from './firmware.js';
import type {EmulatorSession} from './sessions.js';

export type HandlerContext = {
	faults: Faults;
	/** The firmware served for a build under the current faults (made on first use). */
	firmware(entry: EmulatorModel, csc: string, version: string): Promise<EmulatorFirmware>;
	/** BINARY_NAME → the build it names, for every build informed so far. */
	byName: Map<string, FirmwareIdentity>;
	now(): number;
};

const refuse = (protocol: ProtocolName, classicStatus = '400') => buildFusReply({status: protocol === 'smart' ? 'S01' : classicStatus});
const ok = (protocol: ProtocolName) => (protocol === 'smart' ? 'S00' : '200');

function logicOk(input: string | undefined, given: string | undefined, nonce: string): boolean {
	try {
		return input !== undefined && given === logicCheck(input, nonce);
	} catch {
		return false;
	}
}

export async function handleInform(session: EmulatorSession, put: FusFields, context: HandlerContext): Promise<string> {
	const smart = session.protocol === 'smart';
	const model = smart ? put['BINARY_MODEL_NAME'] : put['DEVICE_MODEL_NAME'];
	const csc = smart ? put['BINARY_LOCAL_CODE'] : put['DEVICE_LOCAL_CODE'];
	const version = smart ? put['BINARY_SW_VERSION'] : put['DEVICE_FW_VERSION'];
	const required = smart ? ['ACCESS_MODE', 'BINARY_NATURE', 'REQUEST_TYPE'] : ['ACCESS_MODE', 'BINARY_NATURE', 'CLIENT_PRODUCT', 'CLIENT_VERSION'];
	if (smart && context.faults.refuseSmart) {
		return refuse('smart');
	}

	if (!model || !csc || !version || required.some(name => !put[name]) || !logicOk(version, put['LOGIC_CHECK'], session.nonce)) {
		return refuse(session.protocol);
	}

	const entry = findEmulatorModel(model);
	const builds = entry?.builds[csc];
	if (!entry || !builds?.length || !builds.includes(version)) {
		return refuse(session.protocol);
	}

	if (!smart && !deviceIdAccepted(put['DEVICE_IMEI_PUSH'], entry)) {
		return buildFusReply({status: '408'});
	}

	// Classic always serves the newest build; Smart serves the one asked for when allowed.
	const served = smart && context.faults.serveOlderBuilds !== false ? version : builds[0]!;
	const firmware = await context.firmware(entry, csc, served);
	return buildFusReply({
		status: ok(session.protocol),
		results: {LATEST_FW_VERSION: served},
		put: {
			BINARY_NAME: firmware.binaryName,
			BINARY_BYTE_SIZE: String(firmware.encryptedSize),
			BINARY_CRC: String(context.faults.corruptCrc ? (firmware.crc32 ^ 1) >>> 0 : firmware.crc32),
			MODEL_PATH: firmware.modelPath,
			LOGIC_VALUE_FACTORY: firmware.logicValue,
			DEVICE_MODEL_DISPLAYNAME: entry.name,
			CURRENT_OS_VERSION: `B(Android ${entry.android})`,
			BINARY_OS_VERSION: `B(Android ${entry.android})`,
			BINARY_SW_VERSION: served,
			BINARY_LOCAL_CODE: csc,
			DEVICE_MODEL_TYPE: '9',
		},
	});
}

export function handleInit(session: EmulatorSession, put: FusFields, context: HandlerContext): string {
	const smart = session.protocol === 'smart';
	const name = smart ? put['BINARY_NAME'] : put['BINARY_FILE_NAME'];
	const firmware = name ? context.byName.get(name) : undefined;
	const input = name ? (smart ? smartInitLogicInput(name) : classicInitLogicInput(name)) : undefined;
	if (!firmware || !logicOk(input, put['LOGIC_CHECK'], session.nonce)) {
		return refuse(session.protocol);
	}

	session.authorised.set(firmware.binaryName, context.now() + (context.faults.linkExpirySeconds ?? 1800) * 1000);
	return buildFusReply({status: ok(session.protocol)});
}

/** SmartHistory signatures: from the session's nonce or the one the request sent (clients differ). */
export function historySignatures(model: string | undefined) {
	return (session: EmulatorSession, headerNonce: string) => [historySignature(session.nonce, model ?? ''), historySignature(headerNonce, model ?? '')];
}

export function handleHistory(put: FusFields): string {
	const entry = findEmulatorModel(put['BINARY_MODEL_NAME'] ?? '');
	const builds = entry?.builds[put['BINARY_LOCAL_CODE'] ?? ''];
	if (!entry || !builds) {
		return refuse('smart');
	}

	const records = builds.map((version, index) => ({
		BINARY_SW_VERSION: version.split('/')[0]!,
		BINARY_SW_DISPLAYVERSION: version.split('/')[0]!,
		BINARY_SEQUENCE: String(builds.length - index),
		BINARY_INDEX: '1',
		BINARY_NATURE: '1',
		BINARY_EXIST: index === builds.length - 1 && builds.length > 2 ? '0' : '1',
		BINARY_OS_NAME: `B(Android ${entry.android})`,
		BINARY_OPEN_DATE: `2025/${String(11 - index).padStart(2, '0')}/03 02:10:01`,
		BINARY_LOCAL_CODE: put['BINARY_LOCAL_CODE']!,
		BINARY_MODEL_DISPLAYNAME: entry.name,
	}));
	return buildFusReply({status: 'S00', records});
}
