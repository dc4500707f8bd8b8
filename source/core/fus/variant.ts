/**
 * The two FUS protocol variants as small strategies. Everything else (transport, session, XML,
 * errors, the download engine) is shared; a variant only says what differs between them.
 */
import {
	classicInitLogicInput,
	classicSignature,
	decryptNonce,
	logicCheck,
	smartInitLogicInput,
	smartSignature,
} from './crypto.js';
import type {FusFields} from './xml.js';

export type ProtocolName = 'classic' | 'smart';

export type InformQuery = {model: string; csc: string; version: string; deviceId?: string};

/** The inform-reply values that init needs. */
export type InitQuery = {binaryName: string; version: string; csc: string; modelType: string};

export type ProtocolVariant = {
	name: ProtocolName;
	userAgent: string;
	paths: {nonce: string; inform: string; init: string; download: string};
	/** The nonce used for signatures and LOGIC_CHECK, from the NONCE header value. */
	nonceFromHeader(header: string): string;
	signature(nonce: string): string;
	informRequest(query: InformQuery, nonce: string): {put: FusFields; get?: string[]};
	initRequest(query: InitQuery, nonce: string): {put: FusFields};
	isSuccess(status: string): boolean;
};

export const clientVersion = '4.3.23123_1';

export const classicVariant: ProtocolVariant = {
	name: 'classic',
	userAgent: 'Kies2.0_FUS',
	paths: {
		nonce: '/NF_DownloadGenerateNonce.do',
		inform: '/NF_DownloadBinaryInform.do',
		init: '/NF_DownloadBinaryInitForMass.do',
		download: '/NF_DownloadBinaryForMass.do',
	},
	nonceFromHeader: decryptNonce,
	signature: classicSignature,
	informRequest(query, nonce) {
		return {
			put: {
				ACCESS_MODE: '2',
				BINARY_NATURE: '1',
				CLIENT_PRODUCT: 'Smart Switch',
				CLIENT_VERSION: clientVersion,
				DEVICE_FW_VERSION: query.version,
				DEVICE_LOCAL_CODE: query.csc,
				DEVICE_MODEL_NAME: query.model,
				DEVICE_IMEI_PUSH: query.deviceId ?? '',
				LOGIC_CHECK: logicCheck(query.version, nonce),
			},
		};
	},
	initRequest(query, nonce) {
		return {put: {BINARY_FILE_NAME: query.binaryName, LOGIC_CHECK: logicCheck(classicInitLogicInput(query.binaryName), nonce)}};
	},
	isSuccess: status => status === '200',
};

export const smartVariant: ProtocolVariant = {
	name: 'smart',
	userAgent: 'SMART 2.0',
	paths: {
		nonce: '/NF_SmartDownloadGenerateNonce.do',
		inform: '/NF_SmartDownloadBinaryInform.do',
		init: '/NF_SmartDownloadBinaryInitForMass.do',
		download: '/NF_SmartDownloadBinaryForMass.do',
	},
	// Smart uses the NONCE header value as it is.
	nonceFromHeader: header => header,
	signature: smartSignature,
	informRequest(query, nonce) {
		return {
			put: {
				ACCESS_MODE: '1',
				BINARY_NATURE: '1',
				REQUEST_TYPE: '2',
				BINARY_SW_VERSION: query.version,
				BINARY_LOCAL_CODE: query.csc,
				BINARY_MODEL_NAME: query.model,
				LOGIC_CHECK: logicCheck(query.version, nonce),
			},
			get: ['BINARY_SW_VERSION'],
		};
	},
	initRequest(query, nonce) {
		return {
			put: {
				BINARY_NAME: query.binaryName,
				BINARY_SW_VERSION: query.version,
				DEVICE_LOCAL_CODE: query.csc,
				DEVICE_MODEL_TYPE: query.modelType,
				LOGIC_CHECK: logicCheck(smartInitLogicInput(query.binaryName), nonce),
			},
		};
	},
	isSuccess: status => status === 'S00',
};

export const smartHistoryPath = '/SmartHistory.do';

export function variantByName(name: ProtocolName): ProtocolVariant {
	return name === 'smart' ? smartVariant : classicVariant;
}
