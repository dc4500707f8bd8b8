/**
 * Which full version to ask FUS for: the latest from version.xml, or the build the user named
 * (a full version, or a PDA looked up in version.xml and SmartHistory).
 */
import {FusError, UsageError} from '../errors.js';
import {normaliseVersion} from '../versions/decode.js';
import {fetchVersionInfo, type FetchVersionOptions} from '../versions/version-xml.js';

export async function resolveVersion(model: string, csc: string, build: string | undefined, options: FetchVersionOptions & {historyVersions?: () => Promise<string[]>}): Promise<string> {
	if (build?.includes('/')) {
		return normaliseVersion(build);
	}

	const info = await fetchVersionInfo(model, csc, options);
	if (!build) {
		if (!info.latest) {
			throw new FusError('NO_FIRMWARE', `No firmware found for ${model} with CSC ${csc}: the pair is known but has no release; try the open multi-CSC of the region (such as EUX)`, {stage: 'version', model, csc});
		}

		return info.latest;
	}

	const pda = build.trim().toUpperCase();
	const known = [info.latest, ...info.upgrades.map(upgrade => upgrade.version), ...(await options.historyVersions?.() ?? [])];
	const match = known.find(version => version?.split('/')[0] === pda);
	if (!match) {
		throw new UsageError(`The build ${pda} is not listed for ${model}/${csc} with its full version; see fusdeck history ${model} ${csc}, or give --build PDA/CSC/MODEM/BOOTLOADER`);
	}

	return match;
}
