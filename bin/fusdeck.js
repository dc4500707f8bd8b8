#!/usr/bin/env node
import {main} from '../dist/source/cli.js';

await main();
