import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary.cjs';

// `npm start` on a machine without the Electron binary: one explanatory line, then the app in
// web mode on 127.0.0.1. (With the binary present it would open the desktop app instead.)
const VIEWS = ['timeline', 'tokens', 'trace', 'findings', 'report', 'training'];
const root = path.join(__dirname, '..');

test.skip(findElectronBinary().ok, 'Electron binary present: npm start opens the desktop app, not web mode');

test('npm start falls back to web mode with one line and serves the app', async ({ page }) => {
  test.setTimeout(120_000);
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.cjs')], {
    cwd: root,
    // The default: the launcher tries to fetch the binary once; here (no GitHub) that fails fast.
    // Own process group, so the whole tree (npm build children included) can be killed at the end.
    env: { ...process.env, TOKENTRAIL_NO_ELECTRON_FETCH: '', TOKENTRAIL_WEB: '', PORT: '', TOKENTRAIL_ELECTRON_FETCH_TIMEOUT_MS: '30000' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  try {
    await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\//.test(output), { timeout: 100_000 }).toBe(true);
    const url = output.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0] as string;
    const lines = output.split('\n').filter((l) => l.trim() !== '' && !/^npm warn/i.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tokentrail: Electron binary not available \(.+\); serving the app in web mode at http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[0]).toMatch(/download|downloaded binary/);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/Error/);

    const res = await page.goto(url);
    const headerCsp = res?.headers()['content-security-policy'];
    expect(headerCsp).toContain("object-src 'none'");
    // One policy: the header the fallback server sends is the page's own meta CSP.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(headerCsp);
    await expect(page.getByTestId('case-sidebar')).toBeVisible();
    for (const v of VIEWS) await expect(page.getByTestId(`tab-${v}`)).toBeVisible();

    // The fallback server stays inside dist-web.
    const traversal = await page.request.get(`${url}..%2f..%2fpackage.json`);
    expect(traversal.status()).toBe(404);
    const index = await page.request.get(url);
    expect(index.headers()['content-type']).toBe('text/html; charset=utf-8');
  } finally {
    killTree(child);
  }
  await expect.poll(() => child.exitCode !== null || child.signalCode !== null, { timeout: 10_000 }).toBe(true);
});

/** SIGTERM to the child's whole process group (it was spawned detached, as a group leader). */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}
