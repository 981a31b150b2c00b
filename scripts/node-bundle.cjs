// One esbuild bundle per Node entry point (the CLI, each benchmark), rebuilt when its sources are
// newer. Running bundled code instead of tsx's per-module transform matters for speed: tsx keeps
// function names by wrapping every closure in a `__name` call, about 15–20 % of correlation and
// ingestion CPU time, and it transforms ~200 modules on every start.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { needsBuild } = require('./freshness.cjs');

const root = path.join(__dirname, '..');

/**
 * Path of an up-to-date CommonJS bundle of `entry` (relative to the repo) under out/node/, built
 * when missing or older than `src/`, package-lock.json or (a bench) the entry's folder and bench/common. Concurrent builds
 * (tests start several CLIs at once) each write a temporary file and rename it into place.
 * `packagesExternal` leaves node_modules to `require` (benchmarks drive Playwright and Vite, which
 * find their own files through `__dirname`); our own files then see the entry's folder as
 * `__dirname`, as they did when run from source.
 */
function nodeBundle(entry, name, { packagesExternal = false } = {}) {
  const outfile = path.join(root, 'out', 'node', `${name}.cjs`);
  // Every start checks these (the CLI too), so src/ is walked once: an entry inside it adds nothing.
  const inputs = [path.join(root, 'src'), path.join(root, 'package-lock.json')];
  if (!entry.startsWith(`src${path.sep}`) && !entry.startsWith('src/')) inputs.push(path.dirname(path.join(root, entry)), path.join(root, 'bench', 'common'));
  if (!needsBuild([outfile], inputs)) return outfile;
  const esbuild = require('esbuild');
  const tmp = `${outfile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: tmp,
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    ...(packagesExternal ? { packages: 'external', define: { __dirname: JSON.stringify(path.dirname(path.join(root, entry))) } } : {}),
  });
  fs.renameSync(tmp, outfile);
  return outfile;
}

module.exports = { nodeBundle };
