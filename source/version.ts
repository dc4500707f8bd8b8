import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
// dist/source/version.js → ../../package.json
export const fusdeckVersion: string = (require('../../package.json') as {version: string}).version;
