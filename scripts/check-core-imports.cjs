#!/usr/bin/env node
// Enforces DESIGN.md's dependency direction, which the compiler alone cannot:
// the core never imports Node, Electron, React or a shell; a parser never imports another parser;
// the analysis half (correlate and after) never imports ingest or parsers.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const srcDir = path.join(root, 'src');
const problems = [];

function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.tsx?$/.test(e.name)) check(p);
  }
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const ANALYSIS = ['correlate', 'trace', 'findings', 'report', 'timeline'];

function check(file) {
  const rel = path.relative(srcDir, file).split(path.sep);
  const area = rel[0];
  if (area === 'cli') return;
  const isTest = /\.test\.tsx?$/.test(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] || m[2];
    const where = `${path.relative(root, file)}: imports '${spec}'`;
    if (!isTest && (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'electron', 'react', 'dexie'].includes(spec))) {
      problems.push(`${where} (the core is Web-standard only)`);
    }
    if (!spec.startsWith('.')) continue;
    const target = path.relative(srcDir, path.resolve(path.dirname(file), spec)).split(path.sep);
    if (target[0] === 'cli') problems.push(`${where} (the core never imports a shell)`);
    // Top-level files of src/parsers (the parser lists and their tests) may import every parser folder.
    if (area === 'parsers' && rel.length > 2 && target[0] === 'parsers' && rel[1] !== target[1] && target[1] !== 'common') {
      problems.push(`${where} (a parser never imports another parser)`);
    }
    if (ANALYSIS.includes(area) && !isTest && (target[0] === 'ingest' || target[0] === 'parsers')) {
      problems.push(`${where} (the analysis half sees only events)`);
    }
    if (area === 'model' && target[0] !== 'model') problems.push(`${where} (model imports nothing)`);
  }
}

walk(srcDir);
if (problems.length) {
  process.stderr.write(`dependency rules broken:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
