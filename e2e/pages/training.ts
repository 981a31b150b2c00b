/** Page object for the Training view. */
import { expect, type Page } from '@playwright/test';

export class TrainingView {
  constructor(readonly page: Page) {}

  async generate(scenario: string, difficulty = 'easy') {
    await this.page.getByTestId('training-scenario').selectOption(scenario);
    await this.page.getByTestId('training-difficulty').selectOption(difficulty);
    await this.page.getByTestId('training-start').click();
    await expect(this.page.getByTestId('training-sheet')).toBeVisible({ timeout: 120_000 });
  }

  /** Picks the given values for a question (values not offered are ignored). */
  async answer(qid: string, values: string[], ambiguous = false) {
    const select = this.page.getByTestId(`training-pick-${qid}`);
    const offered = await select.locator('option').allTextContents();
    await select.selectOption(values.filter((v) => offered.includes(v)));
    if (ambiguous) await this.page.getByTestId(`training-q-${qid}`).getByRole('checkbox').check();
  }

  async submit() {
    await this.page.getByTestId('training-submit').click();
    await expect(this.page.getByTestId('training-score')).toBeVisible();
  }
}
