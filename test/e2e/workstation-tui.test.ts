/** The built binary in a real pty (tmux) against the in-process emulator: pick, compare, download, quit. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {TmuxSession} from '../helpers/tmux.js';
import {binPath} from '../helpers/spawn-cli.js';

test('fusdeck --demo: pick a model, compare regions, download one, see it done, quit', async t => {
	const session = new TmuxSession([process.execPath, binPath, '--demo'], {columns: 100, rows: 30, env: {PATH: process.env['PATH'] ?? '', NO_COLOR: '1'}});
	t.after(() => session.kill());
	await session.waitFor(/Devices \[\d+\]/);
	// Keys sent before the app reads the terminal arrive later as one chunk (read as pasted text),
	// so the first key goes alone and the rest only once the app has answered it.
	session.send('/');
	await session.waitFor(/Enter apply · Esc clear/);
	session.send('SM-S918B', {literal: true});
	session.send('Enter');
	await session.waitFor(/Devices \[\d+\] \/SM-S918B/);
	session.send('Enter');
	await session.waitFor(/Regions SM-S918B/);
	session.send('c');
	const compared = await session.waitFor(/INS .*S918BXXS8DYJ3/);
	assert.match(compared, /EUX .*S918BXXS8DYK1 .*2025-11/);
	assert.match(compared, /BTU .*S918BXXS8DYI2 .*2 mo/);
	session.send('d');
	// Done means verified and renamed: the row names the zip (its folder cut from the left when narrow).
	await session.waitFor(/done +SM-S918B\/EUX +✓ .*_fac\.zip/);
	session.send('q');
	const end = await session.waitFor(/\[exited \d+\]/);
	assert.match(end, /\[exited 0\]/);
});
