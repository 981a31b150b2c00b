#!/usr/bin/env node
// `npm test` step "electron-security": Electronegativity over the built main process and
// preload (out/main, out/preload) plus the renderer's index.html. Fails on any finding not listed
// in main/security/electronegativity-justifications.json (one reason per accepted finding).
//
// Why the built JS and not main/*.ts: Electronegativity bundles TypeScript 4.2, which cannot
// parse today's TS (`satisfies`, …). Why in-process with a require hook: its hoisted parser
// (@typescript-eslint/typescript-estree 4) would otherwise load the project's TypeScript 7, which
// has no JavaScript API; and its locale download (`got`) is stubbed so the check is offline.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json', { paths: [root] }));
const justificationsFile = path.join(root, 'main/security/electronegativity-justifications.json');

if (process.argv[2] === '--child') runElectronegativity(process.argv[3], process.argv[4]);
else main();

function main() {
  const build = spawnSync('npm', ['run', '-s', 'build:desktop'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}electron-security: build:desktop failed\n`);
    process.exit(1);
  }
  const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentrail-electronegativity-'));
  try {
    for (const d of ['main', 'preload']) fs.cpSync(path.join(root, 'out', d), path.join(scan, d), { recursive: true });
    fs.copyFileSync(path.join(root, 'out/renderer/index.html'), path.join(scan, 'index.html'));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    fs.writeFileSync(path.join(scan, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, main: 'main/main.js', devDependencies: { electron: pkg.devDependencies.electron } }));
    const csv = path.join(scan, 'report.csv');
    const r = spawnSync(process.execPath, [__filename, '--child', scan, csv], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0 || !fs.existsSync(csv)) {
      process.stderr.write(`${r.stdout}${r.stderr}electron-security: Electronegativity did not run (exit ${r.status})\n`);
      process.exit(1);
    }
    report(parseCsv(fs.readFileSync(csv, 'utf8')));
  } finally {
    fs.rmSync(scan, { recursive: true, force: true });
  }
}

function runElectronegativity(input, output) {
  const nestedTs = path.join(pkgDir, 'node_modules', 'typescript');
  const origResolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && fs.existsSync(nestedTs)) return origResolve.call(this, nestedTs, parent, ...rest);
    return origResolve.call(this, request, parent, ...rest);
  };
  const origLoad = Module._load;
  Module._load = function (request, parent, ...rest) {
    if (request === 'got' && parent?.filename?.includes(`${path.sep}electronegativity${path.sep}`)) {
      // Translations ship in the package; never fetch them.
      return () => Promise.resolve({ statusCode: 204 });
    }
    return origLoad.call(this, request, parent, ...rest);
  };
  const electron = require(path.join(root, 'package.json')).devDependencies.electron.replace(/^[^\d]*/, '');
  process.env.LANG = 'en-US';
  // Call the runner directly (the CLI wrapper expects an old commander API).
  const setupI18n = require(path.join(pkgDir, 'dist', 'locales', 'i18n.js'));
  const run = require(path.join(pkgDir, 'dist', 'runner.js'));
  setupI18n()
    .then(() =>
      run(
        {
          input,
          output,
          isSarif: false,
          customScan: [],
          // Needs the network (Electron release list from GitHub). Offline by design; Electron
          // updates are tracked through the pinned devDependency instead.
          excludeFromScan: ['availablesecurityfixesglobalcheck'],
          severitySet: undefined,
          confidenceSet: undefined,
          isRelative: true,
          isVerbose: false,
          electronUpgrade: undefined,
          electronVersionOverride: electron,
          parserPlugins: [],
        },
        false,
      ),
    )
    .catch((err) => {
      process.stderr.write(`electron-security: ${err && err.message ? err.message : String(err)}\n`);
      process.exit(1);
    });
}

/** Minimal CSV reader for Electronegativity's output (quoted fields, "" escapes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

function report(findings) {
  const { accepted } = JSON.parse(fs.readFileSync(justificationsFile, 'utf8'));
  for (const j of accepted) {
    if (!j.check || !j.file || typeof j.reason !== 'string' || j.reason.length < 20) {
      process.stdout.write(`electron-security: justification needs check, file and a real reason: ${JSON.stringify(j)}\n`);
      process.exit(1);
    }
  }
  const used = new Set();
  const unexplained = [];
  for (const f of findings) {
    const file = f.filename.replace(/\\/g, '/');
    const j = accepted.find((a) => a.check === f.issue && a.file === file);
    if (j) used.add(j);
    else unexplained.push(f);
  }
  for (const f of unexplained) {
    process.stdout.write(`electron-security: ${f.issue} (${f.severity}/${f.confidence}) ${f.filename}:${f.location} — ${f.description}\n`);
  }
  const stale = accepted.filter((j) => !used.has(j));
  for (const j of stale) process.stdout.write(`electron-security: justification matches no finding any more (remove it): ${j.check} ${j.file}\n`);
  process.stdout.write(`electron-security: ${findings.length} finding(s), ${findings.length - unexplained.length} justified, ${unexplained.length} unexplained\n`);
  process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1);
}
