/**
 * Runs in its own process so that its peak RSS is fusdeck's alone (the emulator stays in the parent):
 * the real queue, FUS prepare and engine downloading several jobs at once. Prints one JSON line.
 * Argument: JSON {url, destDir, jobs: [{model, csc}], connections}.
 */
import {createFusPrepare} from '../source/core/fus/prepare-download.js';
import {DownloadQueue} from '../source/core/queue/download-queue.js';

type Config = {url: string; destDir: string; jobs: Array<{model: string; csc: string}>; connections: number};
const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const endpoints = {fus: config.url, download: config.url, fota: config.url};
const prepare = createFusPrepare({endpoints, protocol: () => 'smart', deviceIdFor: () => undefined});
const queue = new DownloadQueue({prepare, destDir: config.destDir, concurrency: config.jobs.length, connections: config.connections});
let peakRss = 0;
let peak: NodeJS.MemoryUsage | undefined;
const sampler = setInterval(() => {
	const usage = process.memoryUsage();
	if (usage.rss > peakRss) {
		peakRss = usage.rss;
		peak = usage;
	}
}, 50);
for (const job of config.jobs) {
	queue.add(job);
}

await queue.idle();
clearInterval(sampler);
const jobs = queue.snapshot().jobs;
const failed = jobs.filter(job => job.state !== 'done');
process.stdout.write(JSON.stringify({
	maxRssBytes: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
	atPeak: peak,
	bytes: jobs.reduce((sum, job) => sum + (job.result?.bytes ?? 0), 0),
	failed: failed.map(job => `${job.model} ${job.csc}: ${job.state} ${job.error?.message ?? ''}`),
	paths: jobs.map(job => job.path),
}) + '\n');
