import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {keyReferenceMarkdown} from '../../source/ui/key-reference.js';

test('the README key reference is exactly what the key table generates', () => {
	const readme = readFileSync('README.md', 'utf8');
	const start = readme.indexOf('-->\n', readme.indexOf('<!-- generated from source/ui/keys.ts')) + 4;
	const end = readme.indexOf('<!-- end of generated keys -->');
	const expected = keyReferenceMarkdown().replaceAll(/^### /gm, '#### ').trim();
	assert.equal(readme.slice(start, end).trim(), expected);
});
