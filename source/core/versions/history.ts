/**
 * Every known build of a model/CSC pair, merged from SmartHistory.do records and version.xml
 * (latest + upgrade list), one record per PDA, newest first.
 */
import type {FusFields} from '../fus/xml.js';
import {buildDate, compareVersions} from './decode.js';
import {toFourParts} from './four-parts.js';
import type {VersionInfo} from './version-xml.js';

export type BuildSource = 'history' | 'version.xml';

export type BuildRecord = {
	pda: string;
	/** The full four-part version when a source gives it. */
	version: string | null;
	buildYear: number | null;
	buildMonth: number | null;
	/** The server's open (release) date, as given (`YYYY/MM/DD hh:mm:ss`). */
	openDate: string | null;
	android: string | null;
	/** Whether the server still serves the build (BINARY_EXIST); null when unknown. */
	served: boolean | null;
	/** Test/beta rows (`Z(Android 99)`). */
	beta: boolean;
	latest: boolean;
	sources: BuildSource[];
};

/** `B(Android 15)` → "15"; `Android 14` → "14". */
export function androidFromOsName(osName: string | undefined): string | null {
	const match = /android\s*([\d.]+)/i.exec(osName ?? '');
	return match ? match[1]! : null;
}

function dateOf(pda: string): {buildYear: number | null; buildMonth: number | null} {
	try {
		const {year, month} = buildDate(pda);
		return {buildYear: year, buildMonth: month};
	} catch {
		return {buildYear: null, buildMonth: null};
	}
}

export function mergeHistory(records: FusFields[], versionInfo?: VersionInfo): BuildRecord[] {
	const byPda = new Map<string, BuildRecord>();
	const entry = (pda: string): BuildRecord => {
		let record = byPda.get(pda);
		if (!record) {
			record = {pda, version: null, ...dateOf(pda), openDate: null, android: null, served: null, beta: false, latest: false, sources: []};
			byPda.set(pda, record);
		}

		return record;
	};

	const addSource = (record: BuildRecord, source: BuildSource) => {
		if (!record.sources.includes(source)) {
			record.sources.push(source);
		}
	};

	for (const fields of records) {
		const raw = fields['BINARY_SW_VERSION']?.trim();
		if (!raw) {
			continue;
		}

		const record = entry(raw.split('/')[0]!.toUpperCase());
		if (raw.includes('/')) {
			record.version ??= toFourParts(raw.toUpperCase());
		}

		const osName = fields['BINARY_OS_NAME'];
		record.android ??= androidFromOsName(osName);
		record.beta ||= /android\s*99/i.test(osName ?? '');
		record.openDate ??= fields['BINARY_OPEN_DATE']?.trim() || null;
		const exist = fields['BINARY_EXIST']?.trim();
		if (exist === '0' || exist === '1') {
			record.served = (record.served ?? false) || exist === '1';
		}

		addSource(record, 'history');
	}

	const fromVersionXml = [
		...(versionInfo?.latest ? [{version: versionInfo.latest, android: versionInfo.android ?? null, latest: true}] : []),
		...(versionInfo?.upgrades ?? []).map(upgrade => ({version: upgrade.version, android: null, latest: false})),
	];
	for (const item of fromVersionXml) {
		const record = entry(item.version.split('/')[0]!);
		record.version = item.version;
		record.android ??= item.android;
		record.latest ||= item.latest;
		addSource(record, 'version.xml');
	}

	return [...byPda.values()].sort((a, b) => {
		try {
			return compareVersions(b.pda, a.pda);
		} catch {
			return b.pda.localeCompare(a.pda);
		}
	});
}
