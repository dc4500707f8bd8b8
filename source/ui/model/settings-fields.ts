import type {Settings} from '../../core/store/settings-types.js';
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
};

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
		label: 'Protocol (auto, smart, classic)',
		display: s => s.protocol,
		initial: s => s.protocol,
		save: (service, text) => service.setProtocol(text.trim().toLowerCase()),
	},
];
