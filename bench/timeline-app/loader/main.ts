/// <reference lib="dom" />
/**
 * Bench-only page served next to the built app (same origin, so the same IndexedDB): fills the
 * app's database with a generated case through the app's own case store, and runs the naive
 * baseline (a full scan of the stored pages per filter). Never part of the app's build.
 */
import { CaseStore } from '../../../renderer/src/store/case-store';
import { pageEvents } from '../../../renderer/src/store/event-pages';
import { matches, type TimelineFilter } from '../../../renderer/src/features/timeline/source';
import { eventBatches } from '../../ingest-browser/page/events';

declare global {
  interface Window {
    loader: {
      load(n: number): Promise<{ caseId: string; ms: number }>;
      naive(caseId: string, f: TimelineFilter): Promise<{ ms: number; count: number; rows: number }>;
    };
  }
}

window.loader = {
  async load(n) {
    const t0 = performance.now();
    const store = new CaseStore();
    const c = await store.createCase({ name: `timeline bench ${n.toLocaleString('en')} events` });
    for (const b of eventBatches(n, 8, 8000)) await store.putEventBatch(c.id, b);
    await store.finalize(c.id);
    store.db.close();
    return { caseId: c.id, ms: Math.round(performance.now() - t0) };
  },
  /** What a store without the index would do: read and parse every page, filter every row, sort the matches. */
  async naive(caseId, f) {
    const t0 = performance.now();
    const store = new CaseStore();
    const hits: ReturnType<typeof pageEvents> = [];
    await store.db.eventPages
      .where('caseId')
      .equals(caseId)
      .each((p) => {
        for (const e of pageEvents(p)) if (matches(e, f)) hits.push(e);
      });
    hits.sort((a, b) => a.time.ts - b.time.ts || (a.id < b.id ? -1 : 1));
    const rows = hits.slice(0, 200).length;
    store.db.close();
    return { ms: Math.round(performance.now() - t0), count: hits.length, rows };
  },
};
document.title = 'ready';
