import {test} from 'node:test';
import assert from 'node:assert/strict';
import {activeScopes, elsewhereHint, resolveKey} from '../../source/ui/dispatcher.js';
import {fitFooter, footerItems} from '../../source/ui/footer-items.js';
import {displayKey, keyNameOf, keySequence} from '../../source/ui/key-names.js';
import {keyReferenceMarkdown} from '../../source/ui/key-reference.js';
import {commands, type Command, type KeyContext} from '../../source/ui/keys.js';

const all = commands as readonly Command[];
const base: KeyContext = {focus: 'devices', activeJobs: 0, errorCount: 0};

test('every command id is unique and no scope binds one key twice', () => {
	assert.equal(new Set(all.map(c => c.id)).size, all.length);
	const seen = new Set<string>();
	for (const command of all) {
		for (const key of command.keys) {
			const slot = `${command.scope}:${key}`;
			assert.ok(!seen.has(slot), `${slot} is bound twice`);
			seen.add(slot);
		}
	}
});

test('the README key reference is generated from the table: every command and key appears', () => {
	const markdown = keyReferenceMarkdown();
	for (const command of all) {
		assert.ok(markdown.includes(command.help), `missing help for ${command.id}`);
		for (const key of command.keys) {
			assert.ok(markdown.includes(`\`${displayKey(key)}\``), `missing key ${key} of ${command.id}`);
		}
	}

	assert.match(markdown, /^### Everywhere\n\n\| Keys \| Does \|\n\|---\|---\|\n/);
	assert.match(markdown, /\| `q` `Ctrl-C` \| Quit \(asks first while downloads run\) \|/);
	assert.equal(markdown, keyReferenceMarkdown(), 'the output is stable');
});

test('the dispatcher asks overlays first, then the focused pane, then global keys', () => {
	assert.deepEqual(activeScopes({focus: 'queue', confirming: false}), ['queue', 'list', 'global']);
	assert.deepEqual(activeScopes({focus: 'queue', confirming: false, overlay: 'help'}), ['help', 'list']);
	assert.deepEqual(activeScopes({focus: 'queue', confirming: false, input: 'filter', overlay: 'settings'}), ['filter']);
	assert.deepEqual(activeScopes({focus: 'queue', confirming: true, input: 'filter'}), ['confirm']);
	// `q` closes the help overlay rather than quitting; in a pane it quits.
	assert.equal(resolveKey('q', ['help', 'list'], base)?.command.id, 'help.close');
	assert.equal(resolveKey('q', ['devices', 'list', 'global'], base)?.command.id, 'app.quit');
	// `f` means favourite in Devices and prefer in Regions.
	assert.equal(resolveKey('f', ['devices', 'list', 'global'], base)?.command.id, 'devices.favourite');
	assert.equal(resolveKey('f', ['regions', 'list', 'global'], {...base, focus: 'regions'})?.command.id, 'regions.prefer');
	assert.equal(resolveKey('z', ['devices', 'list', 'global'], base), undefined);
});

test('a disabled command says why', () => {
	const noJob = resolveKey('p', ['queue', 'list', 'global'], {...base, focus: 'queue'});
	assert.equal(noJob?.disabledReason, 'the queue is empty');
	const done = resolveKey('p', ['queue'], {...base, focus: 'queue', job: {id: 'a', model: 'M', csc: 'EUX', state: 'done', bytesDone: 1, speed: 0, connections: 0}});
	assert.equal(done?.disabledReason, 'the job is done');
	assert.equal(resolveKey('c', ['global'], base)?.disabledReason, 'choose a model first (Enter in Devices)');
	assert.equal(resolveKey('c', ['global'], {...base, selectedModel: 'SM-S918B'})?.disabledReason, undefined);
});

test('the footer lists enabled keys of the focused pane, then global ones, cut with …', () => {
	const items = footerItems(['queue', 'global'], {...base, focus: 'queue'});
	assert.deepEqual(items, ['Tab pane', 's settings', '? help', 'q quit']);
	const withJob = footerItems(['queue', 'global'], {...base, focus: 'queue', selectedModel: 'X', job: {id: 'a', model: 'M', csc: 'EUX', state: 'failed', bytesDone: 1, speed: 0, connections: 0}});
	assert.deepEqual(withJob.slice(0, 2), ['r retry', 'c compare']);
	assert.equal(fitFooter(['Enter select', '/ filter', 'f favourite'], 100), 'Enter select · / filter · f favourite');
	const cut = fitFooter(['Enter select', '/ filter', 'f favourite'], 28);
	assert.equal(cut, 'Enter select · / filter …');
	assert.ok(cut.length <= 28);
	// A question longer than the footer is cut, not replaced by a lone "…".
	assert.equal(fitFooter(['Cancel the download of SM-S918U1/XAA? y/N', 'y yes'], 40), 'Cancel the download of SM-S918U1/XAA? y…');
	// When the kept items leave no room for " …", the last whole item goes, never half a label.
	assert.equal(fitFooter(['Enter select', '/ filter', 'Tab panes', 'q quit'], 36), 'Enter select · / filter …');
	assert.equal('Enter select · / filter · Tab panes'.length, 35);
});

test('key names round-trip through the terminal sequences the tests type', () => {
	const key = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};
	assert.equal(keyNameOf('', {...key, tab: true, shift: true}), 'shift+tab');
	assert.equal(keyNameOf(' ', key), 'space');
	assert.equal(keyNameOf('c', {...key, ctrl: true}), 'ctrl+c');
	assert.equal(keyNameOf('G', {...key, shift: true}), 'G');
	assert.equal(keySequence('ctrl+c'), '\u0003');
	assert.equal(keySequence('shift+tab'), '\u001B[Z');
});

test('a key that means nothing in the focused pane says which panes it works in; modes and overlays stay silent', () => {
	assert.equal(elsewhereHint('d', {focus: 'devices', confirming: false}), 'd works in Regions (2) and Compare (3)');
	assert.equal(elsewhereHint('p', {focus: 'compare', confirming: false}), 'p works in Queue (4)');
	assert.equal(elsewhereHint('z', {focus: 'devices', confirming: false}), undefined);
	assert.equal(elsewhereHint('d', {focus: 'devices', confirming: false, input: 'filter'}), undefined);
	assert.equal(elsewhereHint('d', {focus: 'devices', confirming: false, overlay: 'help'}), undefined);
	assert.equal(elsewhereHint('d', {focus: 'devices', confirming: true}), undefined);
});
