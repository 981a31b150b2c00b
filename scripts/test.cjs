#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, e2e — in that order, stopping at the first failure,
// and one summary line at the end.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['electron-security', 'node', ['scripts/electron-security.cjs']],
  ['unit', 'npx', ['vitest', 'run']],
  ['e2e', 'npx', ['playwright', 'test']],
];
const only = process.env.TOKENTRAIL_TEST_STEPS ? process.env.TOKENTRAIL_TEST_STEPS.split(',') : null;
const results = [];
let failed = false;
for (const [name, cmd, args] of steps) {
  if (only && !only.includes(name)) continue;
  const t0 = Date.now();
  process.stderr.write(`\n── ${name} ──\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push(`${name} ${ok ? 'ok' : 'FAILED'} (${secs}s)`);
  if (!ok) { failed = true; break; }
}
process.stdout.write(`\ntokentrail test: ${failed ? 'FAILED' : 'PASSED'} — ${results.join(', ')}\n`);
process.exit(failed ? 1 : 0);
