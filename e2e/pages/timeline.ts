/** Page object for the timeline view. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Timeline {
  readonly root: Locator;
  readonly count: Locator;
  readonly rows: Locator;
  readonly pivots: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('timeline');
    this.count = page.getByTestId('timeline-count');
    this.rows = page.getByTestId('timeline-row');
    this.pivots = page.getByTestId('timeline-pivot');
  }

  async expectCount(n: number) {
    await expect(this.count).toHaveText(`${n.toLocaleString('en')} events`);
  }

  async filterText(t: string) {
    await this.page.getByTestId('timeline-text').fill(t);
  }
}
