/** Page object for the shell: sidebar, case header, tabs. */
import { expect, type Locator, type Page } from '@playwright/test';

export const VIEWS = ['timeline', 'tokens', 'trace', 'findings', 'report', 'training'] as const;
export type View = (typeof VIEWS)[number];

export class AppPage {
  readonly sidebar: Locator;
  readonly caseItems: Locator;
  readonly caseTitle: Locator;
  readonly caseCounts: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByTestId('case-sidebar');
    this.caseItems = page.getByTestId('case-item');
    this.caseTitle = page.getByTestId('case-title');
    this.caseCounts = page.getByTestId('case-counts');
  }

  /** Opens the app; unless `firstStart`, as a returning user (the demo is not auto-opened). */
  async goto(opts: { firstStart?: boolean } = {}) {
    if (!opts.firstStart) await this.page.addInitScript(() => localStorage.setItem('tokentrail.firstStartDone', 'e2e'));
    await this.page.goto('/');
    await expect(this.sidebar).toBeVisible();
  }

  async newCase() {
    await this.page.getByTestId('new-case').click();
    await expect(this.page.getByTestId('import-panel')).toBeVisible();
  }

  async openView(v: View) {
    await this.page.getByTestId(`tab-${v}`).click();
    await expect(this.page.getByTestId(`view-${v}`)).toBeVisible();
    return this.page.getByTestId(`view-${v}`);
  }

  caseNamed(name: string) {
    return this.caseItems.filter({ hasText: name });
  }

  async deleteCase(name: string) {
    const item = this.caseNamed(name);
    await item.getByTestId('delete-case').click();
    await item.getByTestId('confirm-delete-case').click();
    await expect(item).toHaveCount(0);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/${name}.png` });
  }
}
