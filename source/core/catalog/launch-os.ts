import data from './data/launch-android.json' with {type: 'json'};
import type {CatalogModel} from './model.js';
import {allModels, findModel} from './models.js';

/**
 * The Android major a model family shipped with, or why the catalog cannot say. A family is the
 * series letter and three digits ("S918"): every regional variant of it launched on the same OS.
 */
export type LaunchOs =
	| {known: true; model: CatalogModel; android: number}
	| {known: false; model: CatalogModel | null; reason: string};

const launchAndroid: Readonly<Record<string, number>> = data;

/** Series letter and three digits: "SM-S918B", "S918U1" and "S9180" are all "S918". */
export function modelFamily(code: string): string | null {
	const match = /^(?:SM-)?([A-Z]\d{3})/.exec(code.trim().toUpperCase());
	return match ? match[1]! : null;
}

/** The launch Android of every family that has one in data/launch-android.json. */
export function launchAndroidTable(): Readonly<Record<string, number>> {
	return launchAndroid;
}

/**
 * The catalog model behind the model part of a firmware version ("S918B" is SM-S918B). A variant
 * the catalog does not list ("S918W") still belongs to its family, so a listed sibling stands in.
 */
export function modelForFirmware(code: string): CatalogModel | undefined {
	const exact = findModel(`SM-${code.trim().toUpperCase().replace(/^SM-/, '')}`);
	if (exact) {
		return exact;
	}

	const family = modelFamily(code);
	return family === null ? undefined : allModels().find(model => modelFamily(model.model) === family);
}

export function launchOs(code: string): LaunchOs {
	const model = modelForFirmware(code);
	if (!model) {
		return {known: false, model: null, reason: `${code} is not a model in the catalog`};
	}

	if (model.category === 'watch') {
		return {known: false, model, reason: `the ${model.name} is a watch (Tizen or Wear OS), not a One UI phone or tablet`};
	}

	const android = launchAndroid[modelFamily(model.model)!];
	return android === undefined
		? {known: false, model, reason: `the catalog does not know which Android the ${model.name} launched with yet`}
		: {known: true, model, android};
}
