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

  /** The histogram's chart and its bars as drawn on screen (CSS can override an SVG rect's size). */
  async histogramGeometry(): Promise<{ width: number; height: number; bars: { width: number; height: number }[] }> {
    return this.page.getByTestId('timeline-histogram').evaluate((el) => {
      const svg = el.querySelector('svg')!.getBoundingClientRect();
      const bars = [...el.querySelectorAll('rect.hist-bar')].map((r) => r.getBoundingClientRect());
      return { width: svg.width, height: svg.height, bars: bars.map((b) => ({ width: b.width, height: b.height })) };
    });
  }

  async filterText(t: string) {
    await this.page.getByTestId('timeline-text').fill(t);
  }
}
