import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildCorpus } from '../src/redact/corpus';
import { demoCaseJson } from './fixtures/demo-case';
import { AppPage } from './pages/app-page';
import { ImportPanel } from './pages/import-panel';

async function openDemoCase(page: import('@playwright/test').Page) {
  const app = new AppPage(page);
  await app.goto();
  await app.newCase();
  await new ImportPanel(page).pickFiles([{ name: 'demo.case.json', mimeType: 'application/json', buffer: demoCaseJson() }]);
  await expect(app.caseTitle).toHaveText('Demo analysed by CLI', { timeout: 60_000 });
  return app;
}

test('pivot from the stolen token to its pilot and user, then ask a trace question', async ({ page }) => {
  test.setTimeout(180_000);
  const answers = JSON.parse(readFileSync('assets/demo/answers.json', 'utf8'));
  const stolen = answers.compromisedTokens[0];
  const app = await openDemoCase(page);
  // Pivot: filter the timeline to the token, then follow its payload's pilot and user.
  await app.openView('timeline');
  const view = page.getByTestId('timeline');
  await page.getByTestId('timeline-text').fill(stolen.jti);
  await expect(page.getByTestId('timeline-row').first()).toBeVisible();
  await view.locator(`[data-pivot="jti:${stolen.jti}"]`).first().click();
  await page.getByTestId('timeline-text').fill('');
  await expect(page.getByTestId('timeline-pivot')).toContainText(`jti:${stolen.jti}`);
  // Every row now carries the token; its pilot-log rows name the payload, the pilot and the user.
  const payload = answers.affectedPayloads.find((p: { user: string }) => p.user === stolen.user);
  await expect(view.locator(`[data-pivot="user:${stolen.user}"]`).first()).toBeVisible();
  await expect(view.locator(`[data-pivot="payload:${payload.payloadId}"]`).first()).toBeVisible();
  await expect(view.locator(`[data-pivot="pilot:${payload.pilotId}"]`).first()).toBeVisible();
  await app.screenshot('view-timeline-token-pivot');

  // Trace: who was behind the attacker IP at the first misuse?
  await app.openView('trace');
  await page.getByTestId('trace-form-S1').click();
  await page.getByTestId('trace-at').fill(answers.incident.to);
  await page.getByTestId('trace-ip').fill(answers.attackerIps[0]);
  await page.getByTestId('trace-ask').click();
  const answer = page.getByTestId('trace-answer').first();
  await expect(answer).toBeVisible();
  await expect(page.getByTestId('trace-candidate').first()).toContainText(stolen.user);
  await page.getByTestId('trace-show-graph').click();
  const canvas = page.getByTestId('graph-canvas');
  await expect(canvas).toBeVisible({ timeout: 60_000 });
  // The stolen token's neighbourhood: its pilot, payload, user and the IPs it was used from.
  expect(Number(await canvas.getAttribute('data-edges'))).toBeGreaterThan(3);
  expect(Number(await canvas.getAttribute('data-nodes'))).toBeGreaterThan(3);
  await app.screenshot('view-trace-answer');
  await canvas.scrollIntoViewIfNeeded();
  await app.screenshot('view-trace-graph');
});

test('a vo AMBER report: the preview shows TLP:AMBER and the exported file holds no secret', async ({ page }) => {
  test.setTimeout(180_000);
  const corpus = await buildCorpus();
  const app = await openDemoCase(page);
  await app.openView('report');
  await page.getByTestId('report-profile').selectOption('vo');
  await page.getByTestId('report-tlp').selectOption('amber');
  await page.getByTestId('report-format').selectOption('html');
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.locator('header.tlp').first()).toContainText('TLP:AMBER');
  await expect(page.getByTestId('report-sharing')).toContainText('Pseudonymised');
  await app.screenshot('view-report-vo-amber');
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('TLP:AMBER');
  // The demo's leaked token, and every corpus secret form, are absent.
  const bundleLog = readFileSync('assets/demo/answers.json', 'utf8');
  expect(bundleLog).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  for (const s of corpus.secrets) expect(text.includes(s)).toBe(false);
});
