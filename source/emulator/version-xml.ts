/** version.xml as the FOTA host serves it: 403 AccessDenied for an unknown pair, empty <latest/> without firmware. */
import type {EmulatorModel} from './catalog.js';

const accessDenied = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

export function versionXml(entry: EmulatorModel | undefined, csc: string): {status: number; body: string} {
	const builds = entry?.builds[csc];
	if (!entry || !builds) {
		return {status: 403, body: accessDenied};
	}

	// Like the real file, the latest is given in three parts when the bootloader equals the PDA.
	const three = (version: string) => version.split('/').slice(0, 3).join('/');
	const [latest, ...older] = builds;
	const upgrades = older.map((version, index) => `<value rcount="${older.length - index}" fwsize="${3_000_000_000 + index}">${three(version)}</value>`).join('');
	return {
		status: 200,
		body: `<?xml version="1.0" encoding="UTF-8"?>\n<versioninfo><url>https://fota-cloud-dn.ospserver.net:443/firmware/</url><firmware><model>${entry.model}</model><cc>${csc}</cc><version>${latest ? `<latest o="${entry.android}">${three(latest)}</latest>` : '<latest/>'}<upgrade>${upgrades}</upgrade></version></firmware></versioninfo>`,
	};
}
