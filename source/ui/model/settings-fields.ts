import {protocols, type Settings} from '../../core/store/settings-types.js';
import {maskDeviceId} from '../../core/identity/mask.js';
import type {SettingsService} from '../services.js';

export type SettingField = {
	id: string;
	label: string;
	/** What the overlay shows (device ids masked). */
	display(settings: Readonly<Settings>, model: string | undefined): string;
	/** What the text field starts with when editing. */
	initial(settings: Readonly<Settings>, model: string | undefined): string;
	/** Validates and stores; throws a FusdeckError whose message says what to fix. */
	save(service: SettingsService, text: string, model: string | undefined): void;
	/** A closed set of values: Enter steps to the next one and saves it, no typing. */
	choices?: readonly string[];
};

/** The value after the current one, wrapping round; the first when the current one is not a choice. */
export function nextChoice(choices: readonly string[], current: string): string {
	return choices[(choices.indexOf(current) + 1) % choices.length]!;
}

/** All choices on one line, the current one in brackets so it reads without colour: "[auto] smart classic". */
function choiceLine(choices: readonly string[], current: string): string {
	return choices.map(choice => (choice === current ? `[${choice}]` : choice)).join(' ');
}

function needModel(model: string | undefined): string {
	if (!model) {
		throw new Error('choose a model in Devices first; device ids are stored per model');
	}

	return model;
}

export const settingFields: readonly SettingField[] = [
	{
		id: 'deviceId',
		label: 'Device id (IMEI or serial) for the model',
		display: (s, model) => (model ? (s.deviceIds[model] ?? []).map(id => maskDeviceId(id)).join(', ') || '(none)' : '(choose a model first)'),
		initial: () => '',
		save(service, text, model) {
			const key = needModel(model);
			if (text.trim() === '') {
				for (const id of service.deviceIdsFor(key)) service.removeDeviceId(key, id);
				return;
			}

			service.addDeviceId(key, text);
		},
	},
	{
		id: 'preferredRegions',
		label: 'Preferred regions (CSC codes)',
		display: s => s.preferredRegions.join(', ') || '(none)',
		initial: s => s.preferredRegions.join(', '),
		save: (service, text) => service.setPreferredRegions(text.split(/[\s,]+/).filter(Boolean)),
	},
	{
		id: 'downloadFolder',
		label: 'Download folder',
		display: s => s.downloadFolder || '(current directory)',
		initial: s => s.downloadFolder,
		save: (service, text) => service.setDownloadFolder(text),
	},
	{
		id: 'concurrency',
		label: 'Jobs at once',
		display: s => String(s.concurrency),
		initial: s => String(s.concurrency),
		save: (service, text) => service.setConcurrency(Number(text.trim())),
	},
	{
		id: 'connectionsPerJob',
		label: 'Connections per job',
		display: s => String(s.connectionsPerJob),
		initial: s => String(s.connectionsPerJob),
		save: (service, text) => service.setConnectionsPerJob(Number(text.trim())),
	},
	{
		id: 'protocol',
		label: 'Protocol (Enter switches)',
		display: s => choiceLine(protocols, s.protocol),
		initial: s => s.protocol,
		save: (service, text) => service.setProtocol(text.trim().toLowerCase()),
		choices: protocols,
	},
];
