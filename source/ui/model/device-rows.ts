import type {CatalogModel} from '../services.js';

export type DeviceRow = CatalogModel & {favourite: boolean; recent: boolean};

/**
 * The Devices list: favourites first, then recently used (most recent first), then the rest in
 * catalog order. The filter has already been applied by the catalog search.
 */
export function deviceRows(models: readonly CatalogModel[], favourites: readonly string[], recent: readonly string[]): DeviceRow[] {
	const rank = (row: DeviceRow) => {
		if (row.favourite) return favourites.indexOf(row.model);
		if (row.recent) return favourites.length + recent.indexOf(row.model);
		return Number.POSITIVE_INFINITY;
	};

	return models
		.map((model, index) => ({row: {...model, favourite: favourites.includes(model.model), recent: recent.includes(model.model)}, index}))
		.sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
		.map(({row}) => row);
}
