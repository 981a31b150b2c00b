import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ImportPanel } from './pages/import-panel';
import { Timeline } from './pages/timeline';

const BUNDLE = path.join(__dirname, '../assets/demo/bundle');
const file = (rel: string, name = path.basename(rel)) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path.join(BUNDLE, rel)) });

test('log files and archives are read in the worker: progress per input, problems with file and reason, events in the timeline', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.newCase();
  const imp = new ImportPanel(page);
  await imp.pickFiles([
    file('ce01.example-site.org/var/log/condor-ce/SchedLog'),
    file('se01.example-site.org/var/log/dcache/webdavDomain.access.2026-11-22.gz'),
    // A gzip header with a cut-off body: a problem, not a crash.
    { name: 'truncated.tar.gz', mimeType: 'application/gzip', buffer: readFileSync(path.join(BUNDLE, 'se01.example-site.org/var/log/dcache/webdavDomain.access.2026-11-22.gz')).subarray(0, 60) },
  ]);
  const items = page.getByTestId('import-item');
  await expect(items).toHaveCount(3);
  await expect(items.and(page.locator('[data-status=done]'))).toHaveCount(3, { timeout: 60_000 });
  await expect(items.filter({ hasText: 'truncated.tar.gz' })).toContainText('problem');
  await app.screenshot('import-progress');
  await expect(app.caseCounts).not.toHaveText(/^0 events/);
  const counts = (await app.caseCounts.textContent()) ?? '';
  const n = Number(counts.split(' ')[0]!.replace(/,/g, ''));
  expect(n).toBeGreaterThan(100);
  await app.openView('timeline');
  await new Timeline(page).expectCount(n);

  await page.getByTestId('open-inputs').click();
  const schedlog = page.getByTestId('input-row').filter({ hasText: 'SchedLog' });
  await expect(schedlog).toContainText(/[0-9a-f]{16}/);
  await expect(schedlog.getByTestId('input-tz')).toHaveValue('UTC');
  await app.screenshot('inputs-after-import');

  // Another zone for the zone-less SchedLog: it is read again, nothing is lost or doubled.
  await schedlog.getByTestId('input-tz').selectOption('Europe/Zurich');
  await expect(schedlog.getByTestId('input-tz')).toHaveValue('Europe/Zurich', { timeout: 30_000 });
  await expect(app.caseCounts).toHaveText(counts);
  await new Timeline(page).expectCount(n);
});

test('on first start the demo case opens by itself, with tokens and findings', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.goto({ firstStart: true });
  await expect(app.caseTitle).toHaveText('Demo: stolen token', { timeout: 30_000 });
  await expect(page.getByTestId('import-item').and(page.locator('[data-status=done]')).first()).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('import-item').and(page.locator(':not([data-status=done])'))).toHaveCount(0, { timeout: 150_000 });
  // The demo's site hosts keep CET without writing it (its README.txt): read so, and shown per input.
  await page.getByTestId('open-inputs').click();
  await expect(page.getByTestId('input-row').filter({ hasText: 'SchedLog' }).first().getByTestId('input-tz')).toHaveValue('+01:00');
  const tokens = await app.openView('tokens');
  await expect(tokens.getByTestId('token-row').first()).toBeVisible();
  const findings = await app.openView('findings');
  await expect(findings.getByTestId('finding').first()).toBeVisible();
  await app.screenshot('demo-findings');
  // The zone the demo was read in is the case's default, and its report says so.
  await app.openView('report');
  await page.getByTestId('report-format').selectOption('html');
  await expect(page.frameLocator('[data-testid="report-preview"]').getByRole('row', { name: /Default timezone/ })).toContainText('+01:00');
  await app.openView('timeline');
  await app.screenshot('demo-timeline');
});
