#!/usr/bin/env node
// `npm start`: build what is missing or stale, then run the desktop app in Electron; when the
// Electron binary is not available (and cannot be fetched), serve the same renderer in web mode
// on 127.0.0.1 with one explanatory line — never a stack trace.
//
// Env: PORT (web-mode port, default: a free one), TOKENTRAIL_NO_ELECTRON_FETCH=1 (do not let
// Electron's installer try to download its binary when it is missing — for offline/air-gapped
// analysis machines; by default it tries once, as the issue asks), TOKENTRAIL_ELECTRON_FETCH_TIMEOUT_MS
// (default 60000), TOKENTRAIL_WEB=1 (web mode even when Electron is present).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { findElectronBinary, electronDir } = require('./electron-binary.cjs');
const { needsBuild: needsBuildAbs } = require('./freshness.cjs');

const root = path.join(__dirname, '..');
const rel = (p) => path.join(root, p);

function needsBuild(outputs, inputDirs) {
  return needsBuildAbs(outputs.map(rel), inputDirs.map(rel));
}

function build(script) {
  const r = spawnSync('npm', ['run', '-s', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    process.stderr.write(`tokentrail: npm run ${script} failed\n`);
    process.exit(1);
  }
}

/** Lets Electron's own installer try the download; returns a one-line reason on failure. */
function tryFetchElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!fs.existsSync(installer)) return 'the electron package is not installed';
  const timeout = Number(process.env.TOKENTRAIL_ELECTRON_FETCH_TIMEOUT_MS ?? 60_000);
  const r = spawnSync(process.execPath, [installer], { cwd: electronDir, encoding: 'utf8', timeout });
  if (r.error?.code === 'ETIMEDOUT') return `download timed out after ${timeout} ms`;
  if (r.status === 0 && findElectronBinary().ok) return null;
  const out = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const code = out.match(/\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|CERT_\w+|HTTPError[^\n]*)/);
  const first = out.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l));
  // One line, no exception class names or stack frames: "fetch failed", "ENOTFOUND", …
  const reason = code ? code[1] : (first ?? 'unknown error').trim().replace(/^\w*Error:\s*/, '').slice(0, 120);
  return `download from GitHub failed: ${reason}`;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The CSP of the built page (its meta tag), also sent as a header: one policy everywhere. */
function cspOf(indexHtml) {
  const m = indexHtml.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  return m ? m[1] : "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
}

function serveWeb(reason) {
  const dir = rel('dist-web');
  const csp = cspOf(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
  const server = http.createServer((req, res) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    let p;
    try {
      p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end('Bad request');
      return;
    }
    if (p.includes('\0') || p.split(/[/\\]/).includes('..')) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    let file = path.resolve(dir, `.${p}`);
    if (file !== dir && !file.startsWith(dir + path.sep)) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    if (file === dir || fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(dir, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, headers).end('Not found');
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  server.on('error', (err) => {
    process.stderr.write(`tokentrail: cannot serve web mode: ${err.message}\n`);
    process.exit(1);
  });
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    process.stdout.write(`tokentrail: ${reason}; serving the app in web mode at http://127.0.0.1:${actual}/\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive browser connections would hold close() open
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function main() {
  if (needsBuild(['out/main/main.js', 'out/preload/preload.js', 'out/renderer/index.html'], ['main', 'renderer', 'src', 'electron.vite.config.mts', 'vite.web.config.mts', 'package.json'])) {
    build('build:desktop');
  }
  let bin = findElectronBinary();
  if (process.env.TOKENTRAIL_WEB === '1') bin = { ok: false, reason: 'web mode requested (TOKENTRAIL_WEB=1)' };
  else if (!bin.ok && process.env.TOKENTRAIL_NO_ELECTRON_FETCH === '1') {
    bin = { ok: false, reason: `Electron binary not available (${bin.reason}; download disabled by TOKENTRAIL_NO_ELECTRON_FETCH=1)` };
  } else if (!bin.ok) {
    const failure = tryFetchElectron();
    bin = failure === null ? findElectronBinary() : { ok: false, reason: `Electron binary not available (${failure})` };
  }
  if (bin.ok) {
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node process (a dev binary has no fuses).
    const { ELECTRON_RUN_AS_NODE: _drop, ...env } = process.env;
    const child = spawn(bin.path, [root], { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
    for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
    return;
  }
  if (needsBuild(['dist-web/index.html'], ['renderer', 'src', 'vite.web.config.mts', 'package.json'])) build('build:web');
  serveWeb(bin.reason);
}

try {
  main();
} catch (err) {
  process.stderr.write(`tokentrail: start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
