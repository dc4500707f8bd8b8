/**
 * CSCs commonly cited as open (unbranded) firmware: the multi-CSCs EUX/EUY and single-country open
 * CSCs. A CSC outside this list may be a carrier's, which often has no public full firmware; the
 * explainer then suggests the region's open multi-CSC. The list is a hint, not a catalogue.
 */
const openCscs = new Set([
	'EUX', 'EUY', 'XEF', 'DBT', 'BTU', 'ITV', 'PHE', 'XEO', 'NEE', 'ATO', 'AUT', 'TPH', 'XEH', 'ROM', 'SEE', 'LUX',
	'XAA', 'XAC', 'INS', 'XSA', 'KOO', 'CHC', 'TGY', 'XSG', 'XID', 'XXV', 'THL', 'XME', 'ZTO', 'SEK', 'SER', 'TUR',
]);

export function isOpenCsc(csc: string): boolean {
	return openCscs.has(csc.trim().toUpperCase());
}
