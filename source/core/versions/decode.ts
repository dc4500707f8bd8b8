import {UsageError} from '../errors.js';
import {quote} from '../quote.js';
import {estimateOneUi} from './one-ui.js';

/*
 * Samsung firmware version strings, e.g. S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1
 * (PDA/CSC/MODEM/BOOTLOADER). Format facts from public sources:
 * - SamMobile, "How to read and understand Samsung firmware numbers" (2025) and samfw.com's blog:
 *   S928B·XX·S·4·A·Y·A·1 = model, region, update type (S security only, U update with new
 *   features), bootloader revision (no downgrade), major OS update letter, year, month, build.
 * - Samsung Community (r2.community.samsung.com, "How to decode the firmware version", 2021):
 *   year letters P=2016, Q=2017, R=2018, S=2019, T=2020, U=2021; month A=January onwards; the OS
 *   letter counts major updates since launch (A = launch OS) and Z marks a beta; a reply notes it
 *   also moves on One UI point releases (A515FXXU4EUD7 is "E" on an Android 11 A51), which
 *   one-ui.ts guards against.
 * - Real strings in client issue threads (samloader, Frija, SamFirm_Reborn, Bifrost): G965FXXUHFVG4
 *   (bootloader H = 17), N976BXXU8HVGA (build A = 10), G980FXXSIHWKD, G9910ZHS5EWI1 with CSC
 *   G9910OZS5EWI1, G996U1UEU2AUC8 (model G996U1), A520WVLSECTJ1, G925FXXU1AOCV (O = 2015).
 * - Three-part versions from version.xml get the PDA repeated as the fourth part (samloader,
 *   Bifrost VersionFetch, samloader-rs); an empty modem part is kept as it is (Wi-Fi models).
 * The year letter runs on from A = 2001 (G925F's O = 2015, the Ace's 2012 build LF3, R = 2018,
 * Z = 2026), so every letter A–Z is read on that sequence. Revisions and builds count 1–9, then A–Z.
 */

export type ComponentKind = 'pda' | 'csc' | 'modem' | 'bootloader';

export type DecodedComponent = {
	/** The component as decoded (trimmed, uppercase). */
	text: string;
	/** pda/modem/bootloader share one layout; a CSC has a three-letter region and no update type. */
	kind: ComponentKind;
	model: string;
	region: string;
	/** S, U, … (null for a CSC component, which has none). */
	updateType: string | null;
	updateTypeMeaning: string | null;
	bootloader: number;
	/** The major-OS letter: A at launch, B after the first major update…; Z marks a beta. */
	osLetter: string;
	/**
	 * The letter counts major updates since launch, so One UI's major needs the model's launch
	 * Android from the catalog (see one-ui.ts). Null for unknown models, betas, Samsung Experience
	 * builds and letters that ran ahead of Android releases; oneUiNote says which.
	 */
	oneUiMajor: number | null;
	/** Why oneUiMajor is null; null when it is a number. */
	oneUiNote: string | null;
	year: number;
	month: number;
	build: number;
};

export type DecodedVersion = {
	version: string;
	pda: DecodedComponent;
	csc: DecodedComponent;
	/** Null when the modem part is empty (Wi-Fi models). */
	modem: DecodedComponent | null;
	bootloaderVersion: DecodedComponent;
};

const updateTypes: Record<string, string> = {
	S: 'security update',
	U: 'update with new features',
};

/** Decodes one component. `kind` 'auto' tells a PDA-style part from a CSC part (see guessKind). */
export function decodeComponent(input: string, kind: ComponentKind | 'auto' = 'auto'): DecodedComponent {
	const text = String(input).trim().toUpperCase();
	const tail = /^([A-Z0-9]+)([0-9A-Z])([A-Z])([A-Z])([A-L])([0-9A-Z])$/.exec(text);
	if (!tail || text.length < 11) {
		throw new UsageError(`${quote(input)} is not a firmware version part; parts look like S918BXXS8DYK1 (model, region, type, bootloader, OS letter, year, month, build)`);
	}

	const [, head, bootloader, osLetter, year, month, build] = tail as unknown as [string, string, string, string, string, string, string];
	const actualKind = kind === 'auto' ? guessKind(head) : kind;
	const layout = actualKind === 'csc'
		? {model: head.slice(0, -3), region: head.slice(-3), updateType: null}
		: {model: head.slice(0, -3), region: head.slice(-3, -1), updateType: head.slice(-1)};
	if (!/^[A-Z0-9]{3,}$/.test(layout.model) || !/\d/.test(layout.model) || !/^[A-Z]+$/.test(layout.region) || (layout.updateType !== null && !/^[A-Z]$/.test(layout.updateType))) {
		throw new UsageError(`${quote(input)} is not a firmware ${actualKind === 'csc' ? 'CSC' : 'PDA'} part; it should read model, region${actualKind === 'csc' ? ' (3 letters)' : ' (2 letters), update type'}, bootloader, OS letter, year, month, build, like ${actualKind === 'csc' ? 'S918BOXM8DYK1' : 'S918BXXS8DYK1'}`);
	}

	const date = {year: 2001 + letterIndex(year), month: 1 + letterIndex(month)};
	const oneUi = estimateOneUi({model: layout.model, osLetter, ...date});
	return {
		text,
		kind: actualKind,
		model: layout.model,
		region: layout.region,
		updateType: layout.updateType,
		updateTypeMeaning: layout.updateType === null ? null : (Object.hasOwn(updateTypes, layout.updateType) ? updateTypes[layout.updateType]! : null),
		bootloader: base36(bootloader),
		osLetter,
		oneUiMajor: oneUi.major,
		oneUiNote: oneUi.reason,
		...date,
		build: base36(build),
	};
}

/**
 * Trims, uppercases and completes a version to four parts, checking each part. Throws a
 * UsageError that says what a version looks like.
 */
export function normaliseVersion(input: string): string {
	const parts = String(input).trim().toUpperCase().split('/').map(part => part.trim());
	if (parts.length !== 3 && parts.length !== 4) {
		throw new UsageError(`${quote(input)} is not a firmware version: give PDA/CSC/MODEM[/BOOTLOADER], e.g. S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1`);
	}

	if (parts.length === 3) {
		parts.push(parts[0]!);
	}

	decodeParts(parts);
	return parts.join('/');
}

export function decodeVersion(input: string): DecodedVersion {
	const version = normaliseVersion(input);
	return {version, ...decodeParts(version.split('/'))};
}

/**
 * Orders builds of one model by their PDA: bootloader revision first (a device cannot go back
 * below it), then year, month and build. The OS letter is left out: it only grows with the date.
 * Takes full versions or single PDA components; returns a negative number, 0 or a positive one.
 */
export function compareVersions(a: string, b: string): number {
	const left = pdaOf(a);
	const right = pdaOf(b);
	const keys = (d: DecodedComponent) => [d.bootloader, d.year, d.month, d.build];
	const [l, r] = [keys(left), keys(right)];
	for (const [index, value] of l.entries()) {
		const difference = value - r[index]!;
		if (difference !== 0) {
			return Math.sign(difference);
		}
	}

	return 0;
}

/** The year and month a build was made, from its PDA (or a full version). */
export function buildDate(pda: string): {year: number; month: number} {
	const {year, month} = pdaOf(pda);
	return {year, month};
}

function pdaOf(value: string): DecodedComponent {
	return String(value).includes('/') ? decodeVersion(value).pda : decodeComponent(value, 'pda');
}

function decodeParts(parts: string[]): Omit<DecodedVersion, 'version'> {
	const [pda, csc, modem, bootloader] = parts as [string, string, string, string];
	if (pda === '' || csc === '' || bootloader === '') {
		throw new UsageError('A firmware version needs its PDA, CSC and bootloader parts; only the modem part may be empty (Wi-Fi models)');
	}

	return {
		pda: decodeComponent(pda, 'pda'),
		csc: decodeComponent(csc, 'csc'),
		modem: modem === '' ? null : decodeComponent(modem, 'modem'),
		bootloaderVersion: decodeComponent(bootloader, 'bootloader'),
	};
}

/**
 * A lone component is a CSC when its three letters before the bootloader do not end in an update
 * type, or start with O (the usual CSC prefix: OXM, OZS, OLM): PDA regions such as XX, ZH or KS do
 * not start with O, and CSC codes such as OZS would otherwise read as region OZ with type S.
 */
function guessKind(head: string): ComponentKind {
	const type = head.at(-1) ?? '';
	return Object.hasOwn(updateTypes, type) && head.at(-3) !== 'O' ? 'pda' : 'csc';
}

function base36(char: string): number {
	return Number.parseInt(char, 36);
}

function letterIndex(char: string): number {
	return char.charCodeAt(0) - 65;
}
