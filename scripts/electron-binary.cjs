// Is the Electron binary on this machine? Answers WITHOUT require('electron'), which would start
// the on-demand download (Electron 45 has no install script). Shared by scripts/start.cjs and
// e2e/electron.spec.ts.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const electronDir = path.join(__dirname, '..', 'node_modules', 'electron');

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.basename(p)}` };
  }
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { ok: false, reason: 'node_modules/electron has no downloaded binary' };
  const rel = fs.readFileSync(pathFile, 'utf8').trim();
  const full = path.join(electronDir, 'dist', rel);
  if (!rel || !fs.existsSync(full)) return { ok: false, reason: `node_modules/electron/dist/${rel} is missing` };
  return { ok: true, path: full };
}

module.exports = { findElectronBinary, electronDir };
