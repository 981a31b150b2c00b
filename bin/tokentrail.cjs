#!/usr/bin/env node
// Runs the TypeScript CLI from an esbuild bundle of src/ (out/node/tokentrail.cjs), rebuilt on the
// first run after any source change, so `npx tokentrail` works right after `npm ci`. Should the
// bundle fail to build, or with TOKENTRAIL_FROM_SOURCE=1, it runs the sources through tsx instead.
'use strict';
const path = require('node:path');
const os = require('node:os');
const v8 = require('node:v8');
const { spawn } = require('node:child_process');

/**
 * V8's default heap limit (about 4 GB) is too small for a big case: `analyze` of a 500 MB bundle
 * (3 million events) ran out of memory after two minutes. Unless the user chose a limit, the CLI
 * runs itself again, once, with three quarters of the machine's memory as the limit. Signals go
 * on to the child; its exit code is ours.
 */
function relaunchWithRoomyHeap() {
  if (process.env.TOKENTRAIL_RELAUNCHED === '1') return false;
  const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--max-old-space-size'));
  if (chosen) return false;
  const wantMb = Math.floor((os.totalmem() / 1048576) * 0.75);
  const haveMb = v8.getHeapStatistics().heap_size_limit / 1048576;
  if (wantMb <= haveMb * 1.25) return false;
  const flag = `--max-old-space-size=${wantMb}`;
  if (process.env.TOKENTRAIL_DEBUG) process.stderr.write(`tokentrail: running again with ${flag} (heap limit was ${Math.round(haveMb)} MB)\n`);
  const child = spawn(process.execPath, [...process.execArgv, flag, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TOKENTRAIL_RELAUNCHED: '1' },
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  // Should node itself fail to start again, run in this process with the default limit.
  child.on('error', () => runHere());
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (os.constants.signals[signal] ?? 0);
  });
  return true;
}

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

if (!relaunchWithRoomyHeap()) runHere();

function runHere() {
  loadMain()(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`tokentrail: ${err?.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
