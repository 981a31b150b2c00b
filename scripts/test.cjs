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
// A free port for the e2e web server (parallel runs on one machine must not collide).
if (!process.env.TOKENTRAIL_E2E_PORT) {
  const r = spawnSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout) process.env.TOKENTRAIL_E2E_PORT = r.stdout.trim();
}
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
