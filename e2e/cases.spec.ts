import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { caseDoc } from './fixtures/case-doc';
import { AppPage } from './pages/app-page';
import { ImportPanel } from './pages/import-panel';
import { Timeline } from './pages/timeline';
import { TokensView } from './pages/tokens';

const json = (doc: unknown, name = 'case.tokentrail.json') => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });

test('a new case opens the import panel and is listed; deleting it removes it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.newCase();
  await expect(app.caseItems).toHaveCount(1);
  await expect(app.caseItems.first()).toContainText('0 events');
  await expect(app.caseCounts).toHaveText('0 events · 0 inputs · 0 problems');
  const tl = await app.openView('timeline');
  await expect(tl.getByTestId('empty-state')).toContainText('no events yet');
  const name = (await app.caseTitle.textContent()) ?? '';
  await app.deleteCase(name);
  await expect(app.caseItems).toHaveCount(0);
  await expect(page.getByTestId('case-header')).toHaveCount(0);
});

test('a case document imports into a browsable timeline, tokens, findings and inputs', async ({ page }) => {
  const doc = caseDoc(9000);
  const app = new AppPage(page);
  await app.goto();
  await app.newCase();
  const imp = new ImportPanel(page);
  await imp.pickFiles([json(doc)]);
  await expect(imp.messages).toContainText('loaded case “E2E stolen token” (9,000 events)');
  // The empty case made by "New case" is replaced by the imported one.
  await expect(app.caseItems).toHaveCount(1);
  await expect(app.caseTitle).toHaveText('E2E stolen token');
  await expect(app.caseCounts).toHaveText('9,000 events · 3 inputs · 1 problems');

  await app.openView('timeline');
  const tl = new Timeline(page);
  await tl.expectCount(9000);
  // The histogram's bars are bins side by side, the fullest one the chart's height (a page-wide
  // `.bar` rule once drew them as 160×8 px stripes).
  const hist = await tl.histogramGeometry();
  expect(hist.bars.length).toBeGreaterThan(10);
  for (const b of hist.bars) expect(b.width).toBeLessThanOrEqual(hist.width / hist.bars.length + 0.5);
  expect(Math.max(...hist.bars.map((b) => b.height))).toBeGreaterThan(hist.height * 0.9);
  const firstTs = Math.min(...doc.events.map((e) => e.time.ts));
  await expect(tl.rows.first()).toContainText(new Date(firstTs).toISOString().slice(11, 19));
  // An identifier filter narrows to exactly the matching events.
  await tl.filterText('f1234.root');
  await tl.expectCount(1);
  await tl.filterText('');
  await tl.expectCount(9000);
  await app.screenshot('case-timeline');

  await page.getByTestId('open-inputs').click();
  await expect(page.getByTestId('input-row')).toHaveCount(3);
  await expect(page.getByTestId('inputs-panel')).toContainText('not an XRootD log line');
  await app.screenshot('case-inputs');
  await page.getByTestId('open-inputs').click();

  // Export: the CLI's one-item-per-line layout, the same case, no usable token.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-case').click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  const back = JSON.parse(exported) as typeof doc;
  expect(back.events).toHaveLength(9000);
  expect(back.name).toBe('E2E stolen token');
  expect(exported.split('\n').length).toBeGreaterThan(9000);
  expect(exported).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  // …and it imports back (read line by line) as the same case.
  await page.getByTestId('open-import').click();
  await imp.pickFiles([{ name: 'exported.tokentrail.json', mimeType: 'application/json', buffer: Buffer.from(exported) }]);
  await expect(imp.messages).toContainText('exported.tokentrail.json: loaded case “E2E stolen token” (9,000 events)');

  await app.openView('tokens');
  const tokens = new TokensView(page);
  await expect(tokens.rows).toHaveCount(2);
  // Sorted by worst finding first: the 9-day WLCG token.
  await expect(tokens.rows.first()).toContainText('wlcg');
  await expect(tokens.rows.first()).toContainText('9 d');
  await tokens.rows.first().click();
  await expect(tokens.details).toContainText('Token lifetime 9 d exceeds the 7-day maximum');
  await expect(tokens.details.getByTestId('token-redacted')).toContainText('[sig-redacted:0000aa11bb22cc33]');
  await expect(tokens.details.getByTestId('token-claims')).toContainText('2026-03-23T08:00:00Z');
  await app.screenshot('case-tokens');

  // From the token to its events in the timeline.
  await page.getByRole('button', { name: 'Show its events in the timeline' }).click();
  await expect(tl.pivots).toHaveCount(1);
  await expect(tl.pivots).toContainText('tok:0000aa11bb22cc33');
  await tl.expectCount(doc.events.filter((e) => e.ids.tokenFps?.some((f) => f.startsWith('0000aa11bb22cc33'))).length);

  const findings = await app.openView('findings');
  await expect(findings.getByTestId('finding')).toHaveCount(1);
  await app.screenshot('case-findings');

  const report = await app.openView('report');
  await expect(report.getByTestId('report-panel')).toBeVisible();
  await expect(page.frameLocator('[data-testid=report-preview]').locator('h1')).toContainText('E2E stolen token', { timeout: 20_000 });
  await app.screenshot('case-report');
});

test('an invalid case document is refused with the reason', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.newCase();
  const imp = new ImportPanel(page);
  await imp.pickFiles([json({ format: 'tokentrail.case/v1', id: 'x' }, 'broken.json')]);
  await expect(imp.messages).toContainText('broken.json: not a valid tokentrail.case/v1 document');
  await expect(app.caseCounts).toHaveText('0 events · 0 inputs · 0 problems');
});
