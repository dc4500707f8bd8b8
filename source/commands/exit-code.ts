import {type FusdeckError} from '../core/errors.js';
import {exitCodes} from './types.js';

/** Maps an error code to the exit code that scripts can branch on. */
export function exitCodeFor(error: FusdeckError): number {
	switch (error.code) {
		case 'USAGE':
		case 'INVALID_IMEI':
		case 'DEVICE_ID_REQUIRED': {
			return exitCodes.usage;
		}

		case 'CRC_MISMATCH':
		case 'SIZE_MISMATCH':
		case 'BAD_PADDING':
		case 'MD5_MISMATCH':
		case 'NOT_A_ZIP': {
			return exitCodes.verify;
		}

		case 'DISK_FULL':
		case 'UNSAFE_NAME':
		case 'CONFIG_CORRUPT':
		case 'QUEUE_IN_USE': {
			return exitCodes.local;
		}

		case 'CANCELLED': {
			return exitCodes.cancelled;
		}

		case 'INTERNAL': {
			return exitCodes.internal;
		}

		default: {
			return exitCodes.server;
		}
	}
}
