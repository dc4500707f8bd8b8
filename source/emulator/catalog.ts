/**
 * The emulator's own demo catalog: a few models with the TACs it accepts and, per CSC, the builds it
 * knows (newest first). It is the server's truth, separate from the app's catalog, so tests can ask
 * it what a correct answer is.
 */
export type EmulatorModel = {
	model: string;
	name: string;
	/** TACs whose IMEIs the classic inform accepts for this model. */
	tacs: string[];
	/** Modem-less: classic accepts a serial number instead of an IMEI. */
	wifiOnly: boolean;
	encryption: 'enc2' | 'enc4';
	/** CSC → full four-part versions, newest first; an empty list is a known pair without firmware. */
	builds: Record<string, string[]>;
	/** Android major of the newest builds, as the server reports it; agrees with their OS letter (fusdeck decode). */
	android: string;
};

const v = (pda: string, csc: string, modem = pda) => `${pda}/${csc}/${modem}/${pda}`;

export const emulatorCatalog: EmulatorModel[] = [
	{
		model: 'SM-S918B',
		name: 'Galaxy S23 Ultra',
		tacs: ['35183174', '35291275'],
		wifiOnly: false,
		encryption: 'enc4',
		android: '16',
		builds: {
			EUX: [v('S918BXXS8DYK1', 'S918BOXM8DYK1'), v('S918BXXS8DYI2', 'S918BOXM8DYI2'), v('S918BXXU7DYG1', 'S918BOXM7DYG1')],
			XEF: [v('S918BXXS8DYK1', 'S918BOXM8DYK1'), v('S918BXXS8DYI2', 'S918BOXM8DYI2')],
			DBT: [v('S918BXXS8DYJ1', 'S918BOXM8DYJ1'), v('S918BXXU7DYG1', 'S918BOXM7DYG1')],
			BTU: [v('S918BXXS8DYI2', 'S918BOXM8DYI2')],
			INS: [v('S918BXXS8DYJ3', 'S918BODM8DYJ3')],
		},
	},
	{
		model: 'SM-A546B',
		name: 'Galaxy A54 5G',
		tacs: ['35066581'],
		wifiOnly: false,
		encryption: 'enc4',
		android: '15',
		builds: {
			EUX: [v('A546BXXS9CYJ1', 'A546BOXM9CYJ1'), v('A546BXXU9CYH4', 'A546BOXM9CYH4')],
			XEF: [v('A546BXXS9CYI1', 'A546BOXM9CYI1')],
			SFR: [],
		},
	},
	{
		model: 'SM-G991B',
		name: 'Galaxy S21 5G',
		tacs: ['35245311'],
		wifiOnly: false,
		encryption: 'enc2',
		android: '14',
		builds: {
			EUX: [v('G991BXXSBFXK1', 'G991BOXMBFXK1'), v('G991BXXSBFXI1', 'G991BOXMBFXI1')],
			BTU: [v('G991BXXSBFXJ1', 'G991BOXMBFXJ1')],
		},
	},
	{
		model: 'SM-X710',
		name: 'Galaxy Tab S9 (Wi-Fi)',
		tacs: [],
		wifiOnly: true,
		encryption: 'enc4',
		android: '14',
		builds: {
			EUX: [`X710XXS4BYJ1/X710OXM4BYJ1//X710XXS4BYJ1`],
		},
	},
];

export function findEmulatorModel(model: string): EmulatorModel | undefined {
	return emulatorCatalog.find(entry => entry.model === model);
}
