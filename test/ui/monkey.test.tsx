/**
 * A monkey at the keyboard: random sequences of the workstation's keys (and of stray characters and
 * terminal resizes) against the whole App over fake services. Whatever is pressed, every frame fits
 * the terminal and nothing reaches the crash guard. FUSDECK_FUZZ_RUNS / FUSDECK_FUZZ_SEED as for the
 * other fuzzers.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {keySequence} from '../../source/ui/key-names.js';
import {commands} from '../../source/ui/keys.js';
import {fakeExplanation, fakeJob} from '../helpers/fake-services.js';
import {fuzzParameters} from '../helpers/fuzz.js';
import {frameLines, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

const keyNames = [...new Set(commands.flatMap(command => [...command.keys]))];
const stray = ['a', 'Z', '0', '9', '-', ' ', 'é', '\u001B[1;5A', '\u0003', 'left', 'right'];

type Step = {kind: 'key'; name: string} | {kind: 'text'; text: string} | {kind: 'resize'; columns: number; rows: number};

const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 8, arbitrary: fc.constantFrom(...keyNames).map((name): Step => ({kind: 'key', name}))},
	{weight: 2, arbitrary: fc.constantFrom(...stray).map((text): Step => (text === 'left' || text === 'right' ? {kind: 'key', name: text} : {kind: 'text', text}))},
	{weight: 1, arbitrary: fc.record({columns: fc.integer({min: 30, max: 180}), rows: fc.integer({min: 8, max: 60})}).map((size): Step => ({kind: 'resize', ...size}))},
);

const tick = async () => new Promise(resolve => {
	setImmediate(resolve);
});

test('random key sequences: every frame fits the terminal and the crash guard never shows', async () => {
	await fc.assert(fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 40}), async steps => {
		using started = startApp({
			jobs: [
				fakeJob('a'),
				fakeJob('b', {csc: 'DBT', state: 'failed', error: fakeExplanation('CRC mismatch', 'retry')}),
				fakeJob('c', {csc: 'XEF', state: 'done', version: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1', file: {path: '/tmp/fw/SM-S918B_fac.zip', bytes: 8e9, members: 5}}),
				fakeJob('d', {csc: 'BTU', state: 'paused'}),
			],
			failCompare: ['BTU'],
		});
		const {app, services} = started;
		services.fakeErrors.push({code: 'RATE_LIMITED', explanation: fakeExplanation('Rate limited', 'wait-retry'), model: 'SM-S918B', csc: 'EUX'});
		let size = {columns: 80, rows: 24};
		for (const action of steps) {
			if (action.kind === 'resize') {
				size = {columns: action.columns, rows: action.rows};
				app.resize(size.columns, size.rows);
			} else {
				app.type(action.kind === 'key' ? keySequence(action.name) : action.text);
			}

			await tick();
			const fits = (frame: string) => {
				const lines = frameLines(frame);
				return lines.length <= size.rows && Math.max(...lines.map(line => [...line].length)) <= size.columns;
			};

			// A resize is drawn on a later turn of the event loop; every other key at once.
			const frame = action.kind === 'resize' ? await waitForFrame(app, fits, 1000).catch(() => app.lastFrame()) : app.lastFrame();
			assert.doesNotMatch(frame, /hit a bug/, `crash after ${JSON.stringify(steps)}`);
			assert.ok(fits(frame), `a frame that does not fit ${size.columns}×${size.rows} after ${JSON.stringify(steps)}:\n${frame}`);
		}
	}), fuzzParameters(25));
});
