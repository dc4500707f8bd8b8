/**
 * `npm run bench`: every figure is printed with its ratio against a baseline measured in the same run.
 * Sections run one after another so that they do not compete for the two cores.
 * Pick sections with `npm run bench -- lookup decrypt` (names as in `sections`).
 */
import {formatFigure, type BenchSection} from './report.js';
import {decryptSection} from './sections/decrypt.js';
import {connectionsSection, downloadSection} from './sections/download.js';
import {emulatorSection} from './sections/emulator.js';
import {lookupSection} from './sections/lookup.js';
import {memorySection} from './sections/memory.js';

const sections: Record<string, BenchSection> = {
	lookup: lookupSection,
	decrypt: decryptSection,
	emulator: emulatorSection,
	download: downloadSection,
	connections: connectionsSection,
	memory: memorySection,
};

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter(name => !(name in sections));
	if (unknown.length > 0) {
		console.error(`unknown bench section ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
		process.exitCode = 2;
		return;
	}

	let missed = 0;
	for (const [name, section] of Object.entries(sections)) {
		if (wanted.length > 0 && !wanted.includes(name)) {
			continue;
		}

		console.log(`${section.title}`);
		// eslint-disable-next-line no-await-in-loop
		const figures = await section.run();
		for (const figure of figures) {
			console.log(formatFigure(figure));
			if (figure.met === false) {
				missed++;
			}
		}
	}

	console.log(missed === 0 ? 'all goals met' : `${missed} goal(s) missed`);
}

await main();
