/**
 * A cold lookup in a fresh process, as `fusdeck models QUERY` or the first keystroke in the
 * Devices pane meets it: load the catalog, build the index, answer. Prints milliseconds.
 */
const start = performance.now();
const {searchModels} = await import('../source/core/catalog/models.js');
const {searchCscs} = await import('../source/core/catalog/cscs.js');
searchModels('s23 ultra');
searchCscs('germany');
process.stdout.write(`${performance.now() - start}\n`);
