#!/usr/bin/env node
// Runs the TypeScript CLI from an esbuild bundle of src/ (out/node/tokentrail.cjs), rebuilt on the
// first run after any source change, so `npx tokentrail` works right after `npm ci`. Should the
// bundle fail to build, or with TOKENTRAIL_FROM_SOURCE=1, it runs the sources through tsx instead.
'use strict';
const path = require('node:path');

function loadMain() {
  if (process.env.TOKENTRAIL_FROM_SOURCE !== '1') {
    try {
      const { nodeBundle } = require(path.join(__dirname, '..', 'scripts', 'node-bundle.cjs'));
      const bundle = nodeBundle('src/cli/main.ts', 'tokentrail');
      // Stack traces (rare: the CLI reports errors in words) point into the TypeScript sources.
      process.setSourceMapsEnabled(true);
      return require(bundle).main;
    } catch (err) {
      if (process.env.TOKENTRAIL_DEBUG) process.stderr.write(`tokentrail: bundle unavailable (${err?.message ?? err}), running from source\n`);
    }
  }
  require('tsx/cjs/api').register();
  return require(path.join(__dirname, '..', 'src', 'cli', 'main.ts')).main;
}

loadMain()(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`tokentrail: ${err?.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
