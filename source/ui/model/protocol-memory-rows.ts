import type {ProtocolVariant, Settings} from '../../core/store/settings-types.js';

/** A model the settings know about, with the protocol variant its last download worked with. */
export type ProtocolMemoryRow = {
	model: string;
	workedLast?: ProtocolVariant;
	/** Stored IMEIs/serials: classic cannot be tried without one. */
	deviceIds: number;
};

/**
 * The models with something stored (a device id or a remembered variant), plus the chosen one so
 * its state shows even before its first download; the chosen model first, the rest by code.
 */
export function protocolMemoryRows(settings: Readonly<Settings>, selectedModel?: string): ProtocolMemoryRow[] {
	const models = new Set([...Object.keys(settings.protocolByModel), ...Object.keys(settings.deviceIds)]);
	const sorted = [...models].filter(model => model !== selectedModel).sort();
	return (selectedModel ? [selectedModel, ...sorted] : sorted).map(model => ({
		model,
		...(settings.protocolByModel[model] ? {workedLast: settings.protocolByModel[model]} : {}),
		deviceIds: settings.deviceIds[model]?.length ?? 0,
	}));
}

/** The section heading says whether the remembered variants matter under the global choice. */
export function protocolMemoryHeading(settings: Readonly<Settings>): string {
	return settings.protocol === 'auto'
		? 'Protocol per model · auto tries what worked last first'
		: `Protocol per model · not used now: every download uses ${settings.protocol}`;
}

export function protocolMemoryText(row: ProtocolMemoryRow): string {
	const worked = row.workedLast ? `${row.workedLast} worked last` : 'nothing downloaded yet';
	const ids = row.deviceIds > 0 ? '' : ' · no device id (classic needs one)';
	return `${row.model.padEnd(12)} ${worked}${ids}`;
}
