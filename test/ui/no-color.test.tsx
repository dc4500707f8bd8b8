import {test} from 'node:test';
import assert from 'node:assert/strict';
import chalk from 'chalk';
import {defaultTheme, noColorTheme, themeFor} from '../../source/ui/theme/theme.js';
import {fakeJob} from '../helpers/fake-services.js';
import {press, waitForFrame} from '../helpers/render.js';
import {startApp} from '../helpers/start-app.js';

// Colours show only when the colour library thinks the terminal has them; force it so the
// difference between the themes is visible in the frames.
chalk.level = 1;
const colourCode = /\u001B\[(3[0-7]|9[0-7]|38;)/;

test('NO_COLOR set and not empty selects the empty theme explicitly', () => {
	assert.equal(themeFor({NO_COLOR: '1'}), noColorTheme);
	assert.equal(themeFor({NO_COLOR: ''}), defaultTheme);
	assert.equal(themeFor({}), defaultTheme);
});

test('the default theme draws colours; NO_COLOR draws none and still shows focus and state', async () => {
	using coloured = startApp({jobs: [fakeJob('a', {state: 'failed'})]});
	assert.match(coloured.app.lastFrame(), colourCode);

	using plain = startApp({jobs: [fakeJob('a', {state: 'failed'})], theme: themeFor({NO_COLOR: '1'})});
	const {app} = plain;
	assert.doesNotMatch(app.lastFrame(), colourCode);
	assert.match(app.lastFrame(), /╔═ ▶ 1 Devices/);
	press(app, 'devices.select');
	press(app, 'app.compare');
	const frame = await waitForFrame(app, /★ newest/);
	assert.doesNotMatch(frame, colourCode);
	press(app, 'app.focusQueue');
	const queue = await waitForFrame(app, /▶ 4 Queue/);
	assert.match(queue, /› failed/);
	assert.doesNotMatch(queue, colourCode);
});
