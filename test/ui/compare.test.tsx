import {test} from 'node:test';
import assert from 'node:assert/strict';
import {press, waitForFrame} from '../helpers/render.js';
import {startApp, type Started} from '../helpers/start-app.js';

async function markAndCompare({app}: Started, count: number) {
	press(app, 'devices.select');
	await waitForFrame(app, /CSCs carry firmware/); // the rows are the regions discovery found
	for (let index = 0; index < count; index++) {
		press(app, 'regions.mark');
		press(app, 'list.down');
	}

	await waitForFrame(app, new RegExp(`${count} marked`));
	press(app, 'app.compare');
}

test('c compares the marked regions: rows load in place, then show PDA, month, Android and how far behind', async () => {
	using started = startApp({holdCompare: true});
	const {app, services} = started;
	await markAndCompare(started, 3); // BTU, DBT, EUX
	const loading = await waitForFrame(app, /╔═ ▶ 3 Compare SM-S918B \[3\] · 3 loading/);
	assert.match(loading, /BTU .*│ … +│ loading/);
	services.releaseCompare();
	const rows = await waitForFrame(app, /3 Compare SM-S918B \[3\] ═/);
	assert.match(rows, /│ › │ BTU │ United Kingdom +│ S918BXXU8DYI5 │ 2025-09 │ 15 +│ 2 mo +│/);
	assert.match(rows, /│ +│ DBT │ Germany +│ S918BXXS8DYJ2 │ 2025-10 │ 16 +│ 1 mo +│/);
	assert.match(rows, /│ +│ EUX │ Europe \(open\) +│ S918BXXS8DYK1 │ 2025-11 │ 16 +│ ★ newest │/);
});

test('regions without firmware and failed regions keep their row', async () => {
	using started = startApp({failCompare: ['DBT']});
	const {app, services} = started;
	services.settingsStore.setPreferredRegions(['SFR', 'DBT', 'XEF']);
	press(app, 'devices.select');
	await waitForFrame(app, /▶ 2 Regions SM-S918B/);
	press(app, 'app.compare'); // nothing marked: the preferred regions
	const rows = await waitForFrame(app, /3 Compare SM-S918B \[3\] ═/);
	assert.match(rows, /SFR .*│ — +│ no firmware/);
	assert.match(rows, /DBT .*│ ✗ failed +│ Rate limited/);
	assert.match(rows, /XEF .*│ S918BXXS8DYK1 │ 2025-11 .*★ newest/);
});

test('d and h in the comparison act on the row under the cursor', async () => {
	using started = startApp();
	const {app, services} = started;
	await markAndCompare(started, 3);
	await waitForFrame(app, /3 Compare SM-S918B \[3\] ═/);
	press(app, 'list.bottom');
	press(app, 'compare.download');
	await waitForFrame(app, /Queued SM-S918B\/EUX \(latest\)/);
	assert.deepEqual(services.fakeQueue.calls, ['enqueue:SM-S918B/EUX']);
	press(app, 'compare.history');
	await waitForFrame(app, /History SM-S918B\/EUX/);
});

test('at 60 columns the comparison drops columns instead of wrapping', async () => {
	using started = startApp({columns: 60, rows: 20});
	const {app} = started;
	await markAndCompare(started, 2);
	const frame = await waitForFrame(app, /3 Compare SM-S918B \[2\] ═/);
	assert.match(frame, /│ +│ CSC │ PDA +│ Built +│ Android │ Behind +│/);
	assert.match(frame, /│ › │ BTU │ S918BXXU8DYI5 │ 2025-09 │ 15 +│ 1 mo +│/);
	assert.ok(frame.split('\n').every(line => line.length <= 60));
});
