/**
 * What a firmware zip holds, before any byte is made: the Odin packages (BL, AP, CP, CSC,
 * HOME_CSC), their `.tar.md5` names as Samsung spells them, and the files inside each tar with
 * sizes that share out the requested total roughly as in real firmware (AP is most of it).
 * Deterministic per (model, CSC, version, size).
 */
import {createHash} from 'node:crypto';

export type PackageKind = 'BL' | 'AP' | 'CP' | 'CSC' | 'HOME_CSC';

export const packageKinds: readonly PackageKind[] = ['BL', 'AP', 'CP', 'CSC', 'HOME_CSC'];

export type TarMemberPlan = {
	name: string;
	size: number;
	/** 32 bytes that seed the member's pseudo-random content. */
	seed: Buffer;
};

export type OdinPackagePlan = {
	kind: PackageKind;
	/** The zip member name, ending in `.tar.md5`. */
	fileName: string;
	members: TarMemberPlan[];
};

/** Shares of the whole, then of each package, close to an S23 Ultra firmware. */
const packageShares: Record<PackageKind, number> = {BL: 0.015, AP: 0.85, CP: 0.05, CSC: 0.0425, HOME_CSC: 0.0425};

function memberShares(kind: PackageKind, model: string): Array<[string, number]> {
	switch (kind) {
		case 'BL': {
			return [['sboot.bin.lz4', 0.5], ['param.bin.lz4', 0.2], ['up_param.bin.lz4', 0.15], ['keystorage.bin.lz4', 0.1], ['vbmeta.img.lz4', 0.05]];
		}

		case 'AP': {
			return [['boot.img.lz4', 0.04], ['recovery.img.lz4', 0.04], ['dtbo.img.lz4', 0.01], ['vbmeta_system.img.lz4', 0.01], ['super.img.lz4', 0.85], ['userdata.img.lz4', 0.04], ['meta-data/fota.zip', 0.01]];
		}

		case 'CP': {
			return [['modem.bin.lz4', 0.9], ['modem_debug.bin.lz4', 0.1]];
		}

		case 'CSC': {
			return [['cache.img.lz4', 0.2], ['optics.img.lz4', 0.6], ['prism.img.lz4', 0.18], [`${model.replace(/^SM-/, '')}_EUR_OPENX.pit`, 0.02]];
		}

		case 'HOME_CSC': {
			return [['cache.img.lz4', 0.2], ['optics.img.lz4', 0.62], ['prism.img.lz4', 0.18]];
		}
	}
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** `BL_S918BXXS8DYK1_S918BXXS8DYK1_MQB95841254_REV00_user_low_ship_MULTI_CERT.tar.md5` and its siblings. */
function packageFileName(kind: PackageKind, model: string, version: string, buildId: string, android: string): string {
	const [pda = '', csc = '', modem = '', bootloader = pda] = version.split('/');
	const tail = `${buildId}_REV00_user_low_ship_MULTI_CERT`;
	// The CSC version starts with the model's short code, then the CSC group (e.g. OXM).
	const group = csc.slice(model.replace(/^SM-/, '').length).slice(0, 3);
	switch (kind) {
		case 'BL': {
			return `BL_${bootloader}_${pda}_${tail}.tar.md5`;
		}

		case 'AP': {
			return `AP_${pda}_${pda}_${tail}_meta_OS${android}.tar.md5`;
		}

		case 'CP': {
			return `CP_${modem}_CP${buildId.slice(3)}_${tail}.tar.md5`;
		}

		case 'CSC': {
			return `CSC_${group}_${csc}_${tail}.tar.md5`;
		}

		case 'HOME_CSC': {
			return `HOME_CSC_${group}_${csc}_${tail}.tar.md5`;
		}
	}
}

/** The packages of one firmware; Wi-Fi models (empty modem part) have no CP package, as in reality. */
export function planFirmware(model: string, csc: string, version: string, size: number, android: string): OdinPackagePlan[] {
	const identity = `${model}|${csc}|${version}`;
	const buildId = `MQB${String(sha256(identity).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
	const hasModem = (version.split('/')[2] ?? '') !== '';
	return packageKinds.filter(kind => kind !== 'CP' || hasModem).map(kind => ({
		kind,
		fileName: packageFileName(kind, model, version, buildId, android),
		members: memberShares(kind, model).map(([name, share]) => ({
			name,
			// At least a few bytes each, so that even the smallest test firmware has data in every member.
			size: Math.max(64, Math.floor(size * packageShares[kind] * share)),
			seed: sha256(`${identity}|${size}|${kind}|${name}`),
		})),
	}));
}
