/**
 * Bundles as they arrive, read in the browser's worker: a zstd-rotated log, a log saved as UTF-16
 * by Windows PowerShell, a password-protected zip, an xz file, a glidein's `.err` with the worker
 * node's StarterLog embedded. Each is read or gets a problem that
 * says what to do; none is skipped as "binary".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ImportPanel } from './pages/import-panel';
import { Timeline } from './pages/timeline';

const SAMPLES = path.join(__dirname, '../src/ingest/containers/samples');
const sample = (name: string, as: string) => ({ name: as, mimeType: 'application/octet-stream', buffer: readFileSync(path.join(SAMPLES, name)) });

const SSHD = [
  'Nov 23 10:00:01 ui01 sshd[4242]: Accepted publickey for alice from 198.51.100.7 port 50522 ssh2',
  'Nov 23 10:00:02 ui01 sshd[4243]: Failed password for invalid user jörg from 203.0.113.9 port 50523 ssh2',
].join('\r\n');
/** UTF-16LE with a BOM: what `Get-Content … > auth.log` writes in Windows PowerShell 5. */
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SSHD, 'utf16le')]);
/** A glidein's `.err` at the factory: the worker node's StarterLog gzipped and base64-wrapped, as condor_startup.sh writes it. */
const starterLog = readFileSync(path.join(__dirname, '../src/parsers/htcondor-startd/samples/wn042.example-site.org/StarterLog.slot1_3'));
const glideinErr = Buffer.from(
  [
    'Starting glidein_startup.sh at Mon Nov 23 13:05:01 UTC 2026 (1795439101)',
    'StarterLog.slot1_3',
    '======== gzip | uuencode =============',
    'begin-base64 644 -',
    ...(gzipSync(starterLog).toString('base64').match(/.{1,76}/g) ?? []),
    '====',
    '',
  ].join('\n'),
);
const xz = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21, 0x01]);

test('zstd, UTF-16, encrypted zip, xz and glidein .err inputs: read, or a problem that says what to do', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.newCase();
  const imp = new ImportPanel(page);
  await imp.pickFiles([
    sample('auth.log.zst', 'secure.1.zst'),
    { name: 'auth.log', mimeType: 'text/plain', buffer: utf16le },
    sample('mixed-encrypted.zip', 'evidence.zip'),
    { name: 'messages.1.xz', mimeType: 'application/x-xz', buffer: xz },
    { name: 'job.884512.0.err', mimeType: 'text/plain', buffer: glideinErr },
  ]);
  const items = page.getByTestId('import-item');
  await expect(items).toHaveCount(5);
  await expect(items.and(page.locator('[data-status=done]'))).toHaveCount(5, { timeout: 60_000 });
  // 3 sshd lines in the zstd log (two frames), 2 in the UTF-16 one, 2 in the zip's plain member;
  // the glidein's start and its StarterLog's 5.
  await expect(app.caseCounts).toHaveText(/^13 events/);
  await app.openView('timeline');
  await new Timeline(page).expectCount(13);
  await expect(page.getByText('jörg').first()).toBeVisible();

  await page.getByTestId('open-inputs').click();
  const rows = page.getByTestId('input-row');
  const row = (path: string) => rows.filter({ has: page.getByRole('cell', { name: path, exact: true }) });
  await expect(row('secure.1.zst')).toContainText('sshd');
  await expect(row('auth.log')).toContainText('sshd (UTF-16LE)');
  await expect(row('evidence.zip!/var/log/plain.log')).toContainText('sshd');
  const zip = row('evidence.zip');
  await zip.locator('summary').click();
  await expect(zip).toContainText('is encrypted (password-protected): not read; unzip it with the password');
  await expect(row('job.884512.0.err!/StarterLog.slot1_3')).toContainText('htcondor.starterlog');
  const xzRow = row('messages.1.xz');
  await xzRow.locator('summary').click();
  await expect(xzRow).toContainText('xz-compressed: not read');
  await app.screenshot('import-formats');
});
