/** Page object for the token inspector and the page-wide secret checks. */
import { expect, type Locator, type Page } from '@playwright/test';

export class TokenInspector {
  readonly root: Locator;
  readonly input: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('token-inspector');
    this.input = this.root.getByTestId('token-input');
    this.details = this.root.getByTestId('token-details');
  }

  async decode(token: string) {
    await this.input.fill(token);
    await this.root.getByTestId('token-decode').click();
    await expect(this.details.first()).toBeVisible();
  }
}

/** Everything the page shows or keeps: visible text, form values, IndexedDB, local and session storage. */
export async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    // textContent, not innerText: hidden text counts too (stored is stored, shown or not).
    const parts: string[] = [document.body.textContent ?? ''];
    for (const el of document.querySelectorAll('input, textarea')) parts.push((el as HTMLInputElement).value);
    parts.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of db.objectStoreNames) {
        const rows = await new Promise<unknown[]>((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        parts.push(`${info.name}/${store}:${JSON.stringify(rows)}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}
