#!/usr/bin/env node
// React runs its production build unless told otherwise: the development build is slower and
// writes developer warnings into the workstation's screen. Set before React is first imported.
process.env.NODE_ENV ??= 'production';
const {main} = await import('../dist/source/cli.js');

await main();
