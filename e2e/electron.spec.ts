import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary.cjs';

// Desktop-only checks. They need the Electron binary, which these machines cannot download;
// the check below never triggers the on-demand fetch.
const bin = findElectronBinary();
test.skip(!bin.ok, 'Electron binary not present on this machine (no GitHub access); desktop-only checks skipped');

test('the desktop window is served from app:// with CSP and only the preload API', async () => {
  const root = path.join(__dirname, '..');
  const app = await electron.launch({ executablePath: bin.ok ? bin.path : undefined, args: [root], cwd: root });
  try {
    const win = await app.firstWindow();
    expect(win.url()).toMatch(/^app:\/\/tokentrail\//);
    const csp = await win.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(await win.evaluate(() => typeof (window as unknown as { tokentrail?: unknown }).tokentrail)).toBe('object');
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    await expect(win.getByTestId('case-sidebar')).toBeVisible();
    // Navigation away from app:// is refused.
    await win.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toMatch(/^app:\/\/tokentrail\//);
  } finally {
    await app.close();
  }
});
