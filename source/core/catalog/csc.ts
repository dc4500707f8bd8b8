/** One Samsung sales code (CSC) as fusdeck knows it. */
export type Csc = {
	/** Three uppercase letters or digits, e.g. "XEF". */
	csc: string;
	/** English name of the country or region, e.g. "France", "Nordic countries". */
	country: string;
	/** ISO 3166-1 alpha-2 code; "EU" for codes sold across Europe, "XX" for other multi-country codes. */
	iso: string;
	/** Carrier name, "open" for unbranded firmware, "unknown" where no source names one. */
	carrier: string;
	/** Multi-CSC groups whose firmware contains this code, derived from csc-groups.json. */
	groups: string[];
	/** For multi-country codes, the ISO codes of the countries it is sold in. */
	covers?: string[];
};

/** A multi-CSC package (e.g. OXM) and the sales codes its firmware carries. */
export type CscGroup = {
	group: string;
	description: string;
	members: string[];
	/** Where the member list was read (firmware dump path, or tool source). */
	sources: string[];
};
