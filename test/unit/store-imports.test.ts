import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../source');

function sources(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return /\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

test('nothing under source/core imports ink, react or source/ui', () => {
	const offenders = sources(path.join(root, 'core')).filter(file => {
		const text = readFileSync(file, 'utf8');
		return /from '(ink|react|@alcalzone\/ink-table)['/]|from '[./]*\/ui\//.test(text);
	});
	assert.deepEqual(offenders, []);
	assert.ok(sources(path.join(root, 'core', 'store')).length >= 4, 'the scan sees the store');
});

test('the UI reaches core only through types and the store helpers, never conf or undici', () => {
	const offenders = sources(path.join(root, 'ui')).filter(file => /from '(conf|undici)'/.test(readFileSync(file, 'utf8')));
	assert.deepEqual(offenders, []);
});
