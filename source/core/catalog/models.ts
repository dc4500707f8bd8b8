import data from './data/models.json' with {type: 'json'};
import {modelFromJson, type CatalogModel, type CatalogModelJson} from './model.js';
import {createModelIndex} from './search.js';

/** The catalog, loaded and indexed once: it is static data shipped with fusdeck. */
const models: readonly CatalogModel[] = Object.freeze((data as CatalogModelJson[]).map(record => Object.freeze(modelFromJson(record))));
const byCode = new Map(models.map(model => [model.model.toUpperCase(), model]));

// Built on first use: commands that only decode a version need a model by code, not the search
// index (tokens for ~1000 models) nor the TAC table, and every command pays for what loads here.
let byTac: Map<string, CatalogModel[]> | undefined;
let index: ReturnType<typeof createModelIndex> | undefined;

function tacTable(): Map<string, CatalogModel[]> {
	if (!byTac) {
		byTac = new Map();
		for (const model of models) {
			for (const tac of model.tacs) {
				const owners = byTac.get(tac);
				if (owners) {
					owners.push(model);
				} else {
					byTac.set(tac, [model]);
				}
			}
		}
	}

	return byTac;
}

export function allModels(): readonly CatalogModel[] {
	return models;
}

/** The model with exactly this code, ignoring case ("sm-s918b" finds SM-S918B). */
export function findModel(code: string): CatalogModel | undefined {
	return byCode.get(code.trim().toUpperCase());
}

/**
 * Forgiving search by code or name, best first: exact code, then code prefix ("SM-S918"),
 * then names and other spellings ("s23 ultra", "S23U", "fold 5"), then near misses.
 */
export function searchModels(query: string, limit = 20): CatalogModel[] {
	index ??= createModelIndex(models);
	return index.search(query, limit);
}

/** Catalog models that list this 8-digit TAC (several variants of one device often share one). */
export function modelsWithTac(tac: string): readonly CatalogModel[] {
	return tacTable().get(tac) ?? [];
}
