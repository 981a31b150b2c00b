#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (tsx), so `npx tokentrail` works right after `npm ci`.
'use strict';
const path = require('node:path');
require('tsx/cjs/api').register();
const { main } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`tokentrail: ${err?.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
