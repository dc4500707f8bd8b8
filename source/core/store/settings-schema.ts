import {concurrencyRange, connectionsRange, cscPattern, modelPattern, protocols, recentLimit} from './settings-types.js';

/**
 * The JSON schema conf checks the file against on load and on every write. A file that fails it
 * is treated as corrupt (moved aside, never wiped).
 */
const modelList = {type: 'array', items: {type: 'string', pattern: modelPattern}, uniqueItems: true} as const;

export const settingsSchema = {
	deviceIds: {
		type: 'object',
		propertyNames: {pattern: modelPattern},
		additionalProperties: {
			type: 'array',
			items: {type: 'string', pattern: '^([0-9]{15}|[A-Z0-9]{11})$'},
			uniqueItems: true,
		},
	},
	preferredRegions: {type: 'array', items: {type: 'string', pattern: cscPattern}, uniqueItems: true},
	favouriteModels: modelList,
	recentModels: {...modelList, maxItems: recentLimit},
	downloadFolder: {type: 'string'},
	concurrency: {type: 'integer', minimum: concurrencyRange.min, maximum: concurrencyRange.max},
	connectionsPerJob: {type: 'integer', minimum: connectionsRange.min, maximum: connectionsRange.max},
	protocol: {type: 'string', enum: [...protocols]},
	protocolByModel: {
		type: 'object',
		propertyNames: {pattern: modelPattern},
		additionalProperties: {type: 'string', enum: ['smart', 'classic']},
	},
} as const;
