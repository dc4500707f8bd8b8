import {UsageError} from '../errors.js';
import type {CatalogModel} from './model.js';
import {findModel, searchModels} from './models.js';
import {quote} from '../quote.js';

/**
 * The catalog model with exactly this code, or a usage error that names the closest matches,
 * so "S23U" or "SM-S918X" tells the user which code to type instead.
 */
export function requireModel(code: string): CatalogModel {
	const model = findModel(code);
	if (model) {
		return model;
	}

	const close = closeMatches(code);
	const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
	throw new UsageError(`${quote(code)} is not a model code in the catalog.${hint} Search with: fusdeck models ${quote(code)}`, {model: code});
}

/** Up to four close matches, one line each: "SM-S918B (Galaxy S23 Ultra)". */
export function closeMatches(query: string, limit = 4): string[] {
	return searchModels(query, limit).map(model => `${model.model} (${model.name})`);
}
