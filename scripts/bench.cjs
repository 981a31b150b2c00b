#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or bench/<name>/index.ts) in turn; each prints ratios
// against baselines it measures in the same run.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { nodeBundle } = require('./node-bundle.cjs');

const dir = path.join(__dirname, '..', 'bench');
const only = process.argv.slice(2);
const entries = fs.readdirSync(dir, { withFileTypes: true })
  .map((e) => e.isDirectory() ? path.join(e.name, 'index.ts') : e.name)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('index.ts'))
  .filter((f) => fs.existsSync(path.join(dir, f)))
  .sort();
// `npm run bench -- timeline` runs bench/timeline only (a name that is a bench's folder matches it
// alone); any other word runs every bench whose path contains it.
const folder = (f) => f.split(path.sep)[0];
const picked = only.length === 0 ? entries : entries.filter((f) => only.some((o) => (entries.some((g) => folder(g) === o) ? folder(f) === o : f.includes(o))));
if (picked.length === 0) {
  process.stdout.write(`bench: nothing matches ${only.join(' ')}\n`);
  process.exit(0);
}
let failed = 0;
for (const f of picked) {
  process.stdout.write(`\n== bench/${f} ==\n`);
  // Bundled, not through tsx: its per-closure `__name` wrappers would be measured too.
  const bundle = nodeBundle(path.join('bench', f), `bench-${f.replace(/[\\/]/g, '-').replace(/\.ts$/, '')}`, { packagesExternal: true });
  const r = spawnSync(process.execPath, [bundle], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
