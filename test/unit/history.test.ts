import {test} from 'node:test';
import assert from 'node:assert/strict';
import {androidFromOsName, mergeHistory} from '../../source/core/versions/history.js';

const record = (pda: string, extra: Record<string, string> = {}) => ({BINARY_SW_VERSION: pda, BINARY_OS_NAME: 'B(Android 15)', BINARY_EXIST: '1', BINARY_OPEN_DATE: '2025/11/03 02:10:01', ...extra});

test('history and version.xml merge into one record per PDA, newest first', () => {
	const builds = mergeHistory(
		[
			record('S918BXXS8DYK1'),
			record('S918BXXU7DYH2', {BINARY_EXIST: '0', BINARY_OS_NAME: 'B(Android 15)'}),
			record('S918BXXU9ZZA1', {BINARY_OS_NAME: 'Z(Android 99)'}),
			record('S918BXXS8DYK1', {BINARY_EXIST: '0'}),
		],
		{
			model: 'SM-S918B',
			csc: 'EUX',
			latest: 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1',
			android: '15',
			upgrades: [{version: 'S918BXXS6CXL1/S918BOXM6CXL1/S918BXXS6CXL1/S918BXXS6CXL1'}],
		},
	);
	assert.deepEqual(builds.map(b => b.pda), ['S918BXXU9ZZA1', 'S918BXXS8DYK1', 'S918BXXU7DYH2', 'S918BXXS6CXL1']);
	const [beta, latest, older, oldest] = builds as [typeof builds[0], typeof builds[0], typeof builds[0], typeof builds[0]];
	assert.equal(beta.beta, true);
	assert.equal(latest.latest, true);
	assert.equal(latest.served, true, 'one served row is enough');
	assert.deepEqual(latest.sources, ['history', 'version.xml']);
	assert.equal(latest.version, 'S918BXXS8DYK1/S918BOXM8DYK1/S918BXXS8DYK1/S918BXXS8DYK1');
	assert.deepEqual([latest.buildYear, latest.buildMonth], [2025, 11]);
	assert.equal(latest.openDate, '2025/11/03 02:10:01');
	assert.equal(older.served, false);
	assert.equal(older.version, null);
	assert.deepEqual(oldest.sources, ['version.xml']);
	assert.equal(oldest.served, null);
});

test('Android versions come from BINARY_OS_NAME in either spelling', () => {
	assert.equal(androidFromOsName('B(Android 15)'), '15');
	assert.equal(androidFromOsName('Android 14'), '14');
	assert.equal(androidFromOsName(undefined), null);
});
