/** Page object for the Import panel (file chooser stubbed through Playwright's filechooser event). */
import { expect, type Locator, type Page } from '@playwright/test';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class ImportPanel {
  readonly root: Locator;
  readonly messages: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-panel');
    this.messages = page.getByTestId('import-messages');
  }

  async open() {
    if (!(await this.root.isVisible())) await this.page.getByTestId('open-import').click();
    await expect(this.root).toBeVisible();
  }

  async pickFiles(files: FileSpec[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.root.getByTestId('pick-files').click();
    await (await chooser).setFiles(files);
  }
}
