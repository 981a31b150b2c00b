#!/usr/bin/env node
// The npm registry reachable from our machines serves only some platform builds of native tools
// (e.g. @biomejs/cli-linux-x64 but not cli-darwin-arm64). `npm install` then leaves those optional
// platform packages out of package-lock.json and `npm ci` refuses the lock as out of sync.
// This adds a lock entry (platform-tagged, optional, no tarball) for every optional dependency
// missing from the lock, so `npm ci` skips it by platform exactly as it would with a full lock.
// Run after any `npm install` that touches such a tool.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const pkgs = lock.packages;
const PLATFORM = /(android|darwin|win32|freebsd|openharmony|linux)-(arm64|x64|arm|ia32|ppc64|riscv64|s390x)(?:-(gnu|musl|msvc|gnueabihf|musleabihf|eabi))?$/;
let added = 0;
for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies || {})) {
    const depKey = `node_modules/${dep}`;
    if (pkgs[depKey] || pkgs[`${key}/${depKey}`]) continue;
    const m = PLATFORM.exec(dep);
    if (!m) continue;
    const os = m[1] === 'openharmony' ? 'openharmony' : m[1];
    const cpu = m[2];
    const libc = m[3] === 'gnu' || m[3] === 'gnueabihf' ? ['glibc'] : m[3] === 'musl' || m[3] === 'musleabihf' ? ['musl'] : undefined;
    pkgs[depKey] = { version: String(version).replace(/^[\^~]/, ''), cpu: [cpu], dev: entry.dev || undefined, ...(libc ? { libc } : {}), optional: true, os: [os] };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`fix-lock-optional: added ${added} platform entries\n`);
