/**
 * The renderer's case store (Dexie/IndexedDB). One instance per page (and one per worker).
 *
 * - db.ts: the schema. Events live in pages of up to PAGE_SIZE, each page with two side records:
 *   its columns and its search text.
 * - page-cols.ts: how a page is encoded (a JSON string per event, columns, lowercase text, trigram filter).
 * - case-index.ts: a case's in-memory index: the columns of all pages, the global order merged from
 *   the sorted runs the pages form, and the filters evaluated on columns.
 * - case-store.ts: the API the views, workers and e2e use (cases, event batches, queries, the other tables).
 * - case-events.ts: storing event batches as sorted runs, reading rows, and the streaming rewrite.
 * - page-parts.ts: a page's events as stored parts, so the rewrite moves them without encoding them again.
 */
import { CaseStore } from './case-store';

export type { CaseRow } from './db';
export { CaseStore } from './case-store';
export { storeSource } from './timeline-source';

let shared: CaseStore | undefined;

/** The app's store (created on first use). */
export function caseStore(): CaseStore {
  shared ??= new CaseStore(undefined, { preloadText: true });
  return shared;
}
