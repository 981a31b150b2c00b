import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { TrainingView } from './pages/training';

test('one training round: generate in a worker, open as a case, answer, score with evidence and time', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.goto();
  await app.openView('training');
  const tv = new TrainingView(page);
  await tv.generate('stolen-token', 'easy');
  // The generated bundle was analysed and opened as a case.
  await expect(app.caseTitle).toContainText('Training: stolen-token');
  // Answer S3 from the offered IPs, leave the rest blank, pick no token to revoke.
  const ips = await page.getByTestId('training-pick-S3').locator('option').allTextContents();
  expect(ips.length).toBeGreaterThan(2);
  await tv.answer('S3', ips.slice(0, 2));
  await tv.submit();
  const score = page.getByTestId('training-score');
  await expect(score).toContainText(/Score: \d+ \/ 7 in \d+ min \d+ s/);
  // Blank answers are wrong, and the result names the evidence lines behind the expected answer.
  await expect(page.getByTestId('training-result-V1')).toHaveAttribute('data-right', 'false');
  await expect(page.getByTestId('training-result-revoke')).toHaveAttribute('data-right', 'false');
  await expect(score.locator('.src').first()).toContainText(/:\d+$/);
  await app.screenshot('view-training-scored');
});
