import {test} from 'node:test';
import assert from 'node:assert/strict';
import {defaultEndpoints, resolveEndpoints} from '../../source/core/endpoints.js';

test('endpoints: a flag beats its variable, which beats the default; a trailing slash goes', () => {
	const env = {FUSDECK_FOTA_URL: 'http://127.0.0.1:9/fota/', FUSDECK_FUS_URL: 'http://127.0.0.1:9'};
	const endpoints = resolveEndpoints({fus: 'http://127.0.0.1:8080/'}, env);
	assert.deepEqual(endpoints, {fus: 'http://127.0.0.1:8080', download: defaultEndpoints.download, fota: 'http://127.0.0.1:9/fota'});
});

test('endpoints: a bad URL is named by the flag or variable it came from', () => {
	assert.throws(() => resolveEndpoints({fota: ''}, {}), {message: '--fota-url is not a URL: ""'});
	assert.throws(() => resolveEndpoints({}, {FUSDECK_DOWNLOAD_URL: 'ftp://host/'}), {message: 'FUSDECK_DOWNLOAD_URL is not an http(s) URL: "ftp://host/"'});
	assert.throws(() => resolveEndpoints({}, {FUSDECK_FUS_URL: 'x\u001B[2J'}), {message: 'FUSDECK_FUS_URL is not a URL: "x\\u001b[2J"'});
});
