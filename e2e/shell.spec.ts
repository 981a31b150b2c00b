import { expect, test } from '@playwright/test';

const VIEWS = ['timeline', 'tokens', 'trace', 'findings', 'report', 'training'];

test('the shell shows the case sidebar and all six views', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('tokentrail.firstStartDone', 'e2e'));
  await page.goto('/');
  await expect(page.getByTestId('case-sidebar')).toBeVisible();
  for (const v of VIEWS) {
    await page.getByTestId(`tab-${v}`).click();
    await expect(page.getByTestId(`view-${v}`)).toBeVisible();
    await page.screenshot({ path: `test-results/view-${v}.png` });
  }
});
