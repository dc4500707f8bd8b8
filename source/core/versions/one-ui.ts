import {launchOs} from '../catalog/launch-os.js';

/**
 * One UI's major from a firmware's OS letter. The letter counts major OS updates since the model
 * launched (A = launch OS, B = first update …, Z = beta), so launch Android + letter index is the
 * Android the build runs, and One UI 1 was Android 9, each One UI major one Android major later.
 * The letter has also moved on some One UI point releases (One UI 2.5 on the S20 is a "B" build,
 * G988BXXU4BTH5), so an Android that did not exist yet when the build was made gives no answer.
 */
export type OneUiEstimate = {
	major: number | null;
	/** The Android major the letter points to, when the model's launch Android is known. */
	android: number | null;
	/** Why major is null; null when it is not. */
	reason: string | null;
};

/** The month each Android major reached AOSP: no build made before it can run it. */
const androidReleases: Readonly<Record<number, readonly [year: number, month: number]>> = {
	9: [2018, 8],
	10: [2019, 9],
	11: [2020, 9],
	12: [2021, 10],
	13: [2022, 8],
	14: [2023, 10],
	15: [2024, 9],
	16: [2025, 6],
};

const firstOneUiAndroid = 9;

/** One UI major of an Android major: 9 → 1 … 16 → 8; null before Android 9 (Samsung Experience). */
export function oneUiForAndroid(android: number): number | null {
	return android >= firstOneUiAndroid && Object.hasOwn(androidReleases, android) ? android - firstOneUiAndroid + 1 : null;
}

export function estimateOneUi(build: {model: string; osLetter: string; year: number; month: number}): OneUiEstimate {
	if (build.osLetter === 'Z') {
		return {major: null, android: null, reason: 'Z marks a beta build, which does not count major updates'};
	}

	const launch = launchOs(build.model);
	if (!launch.known) {
		return {major: null, android: null, reason: launch.reason};
	}

	const android = launch.android + build.osLetter.charCodeAt(0) - 'A'.charCodeAt(0);
	const on = `OS letter ${build.osLetter} on the ${launch.model.name} (launched with Android ${launch.android}) reads as Android ${android}`;
	if (android < firstOneUiAndroid) {
		return {major: null, android, reason: `${on}: Samsung Experience, before One UI`};
	}

	const released = androidReleases[android];
	if (!released || build.year * 12 + build.month < released[0] * 12 + released[1]) {
		return {major: null, android: null, reason: `${on}, which did not exist when it was built (${build.year}-${String(build.month).padStart(2, '0')}): the letter also moved on One UI point releases`};
	}

	return {major: oneUiForAndroid(android), android, reason: null};
}
