/** One Galaxy model code (a regional variant such as SM-S918B) as the catalog knows it. */
export type CatalogModel = {
	/** The model code, e.g. "SM-S918B". */
	model: string;
	/** The marketing name, e.g. "Galaxy S23 Ultra". */
	name: string;
	/** Other spellings people type: "S23 Ultra", "s23u", "Fold5". */
	altNames: string[];
	/** Launch (announcement) year. */
	year: number;
	category: ModelCategory;
	/** 8-digit Type Allocation Codes known from public sources; may be empty. */
	tacs: string[];
	/** No cellular modem (Wi-Fi tablets, Bluetooth watches): no IMEI, the serial number identifies it. */
	wifiOnly: boolean;
};

export const modelCategories = ['phone', 'tablet', 'watch'] as const;

export type ModelCategory = (typeof modelCategories)[number];

/** The shape of a record in data/models.json (snake_case, as the CLI's --json prints it). */
export type CatalogModelJson = {
	model: string;
	name: string;
	alt_names: string[];
	year: number;
	category: ModelCategory;
	tacs: string[];
	wifi_only: boolean;
};

export function modelFromJson(record: CatalogModelJson): CatalogModel {
	return {
		model: record.model,
		name: record.name,
		altNames: record.alt_names,
		year: record.year,
		category: record.category,
		tacs: record.tacs,
		wifiOnly: record.wifi_only,
	};
}

export function modelToJson(model: CatalogModel): CatalogModelJson {
	return {
		model: model.model,
		name: model.name,
		alt_names: model.altNames,
		year: model.year,
		category: model.category,
		tacs: model.tacs,
		wifi_only: model.wifiOnly,
	};
}
