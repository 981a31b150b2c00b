/** Page object for the Tokens view and the token details it opens. */
import type { Locator, Page } from '@playwright/test';

export class TokensView {
  readonly table: Locator;
  readonly rows: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('token-table');
    this.rows = page.getByTestId('token-row');
    this.details = page.getByTestId('token-details');
  }
}
