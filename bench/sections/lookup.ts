/**
 * Catalog lookups: the latency a user feels when typing in the Devices or Regions pane, or running
 * `fusdeck models QUERY`. The first query includes loading and indexing the catalog (cold); the rest are warm.
 * Baseline: a naive substring filter over the same records, measured in the same run.
 */
import {execFile} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {allModels, searchModels} from '../../source/core/catalog/models.js';
import {allCscs, searchCscs} from '../../source/core/catalog/cscs.js';
import {ratioOf, type BenchFigure, type BenchSection} from '../report.js';

const child = fileURLToPath(new URL('../lookup-child.js', import.meta.url));
const modelQueries = ['s23 ultra', 'fold5', 'SM-S918', 'SM-A546B', 'galaxy tab s9', 'xcover', 'watch 6', 'note 20', 'a54', 'zflip'];
const cscQueries = ['EUX', 'germany', 'vodafone', 'open', 'XEF', 'india', 'T-Mobile', 'BTU', 'brazil', 'kor'];

function time(action: () => unknown): number {
	const start = performance.now();
	action();
	return performance.now() - start;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function naiveModels(query: string): unknown[] {
	const q = query.toLowerCase();
	return allModels().filter(model => model.model.toLowerCase().includes(q) || model.name.toLowerCase().includes(q));
}

function naiveCscs(query: string): unknown[] {
	const q = query.toLowerCase();
	return allCscs().filter(csc => JSON.stringify(csc).toLowerCase().includes(q));
}

export const lookupSection: BenchSection = {
	title: 'Catalog lookup (full catalog, forgiving search)',
	async run(): Promise<BenchFigure[]> {
		const colds: number[] = [];
		for (let run = 0; run < 5; run++) {
			const {stdout} = await promisify(execFile)(process.execPath, [child]);
			colds.push(Number(stdout));
		}

		const cold = percentile(colds, 0.5);
		searchModels(modelQueries[0]!); // builds this process's index, so the rounds below are warm
		searchCscs(cscQueries[0]!);
		const rounds = 50;
		const warm: number[] = [];
		const naive: number[] = [];
		for (let round = 0; round < rounds; round++) {
			for (const [index, query] of modelQueries.entries()) {
				warm.push(time(() => searchModels(query)) + time(() => searchCscs(cscQueries[index]!)));
				naive.push(time(() => naiveModels(query)) + time(() => naiveCscs(cscQueries[index]!)));
			}
		}

		const p99 = percentile(warm, 0.99);
		const naiveMedian = percentile(naive, 0.5);
		const median = percentile(warm, 0.5);
		return [
			// Loading and indexing the catalog is start-up work, paid once per process; it is shown, not judged.
			{name: `catalog load + index + first lookup in a fresh process (${allModels().length} models, ${allCscs().length} CSCs), median of 5`, value: cold, unit: 'ms'},
			{name: 'warm lookup, median (model + CSC query)', value: median, unit: 'ms', baseline: {name: 'naive substring filter', value: naiveMedian}, ratio: ratioOf(median, naiveMedian, false)},
			{name: 'warm lookup, 99th percentile', value: p99, unit: 'ms', goal: '< 50 ms', met: p99 < 50},
		];
	},
};
