/**
 * A case's events: the write path (sorted runs of pages, the rewrite into one run), the in-memory
 * index per case (case-index.ts) and the queries over it. CaseStore exposes it; see its header.
 */
import type { TgEvent } from '../../../src/model';
import { type Histogram, matches } from '../features/timeline/source';
import { CaseIndex, rankAt, type Selection, selectionSize } from './case-index';
import type { CaseRow, EventPage, PageMeta, TokentrailDb } from './db';
import { compareEvents, compareKey, type EventQuery, metaOf, normalise, PAGE_SIZE, pageEvents } from './event-pages';
import { encodePage, type PageCols, type PageText, textBloom } from './page-cols';
import { encodeStored, type StoredEvent, storedEvents } from './page-parts';

/** More sorted runs than this and `finalize` rewrites the case as one run (a window of rows would touch too many pages). */
const MAX_RUNS = 24;
/** Pages' event JSON kept in memory (~2 MB each), enough for one page per run while scrolling. */
const RAW_CACHE = 32;

export class CaseEvents {
  /** Per case: the in-memory index and the case revision it was built from. */
  private indexes = new Map<string, { rev: number; index: Promise<CaseIndex> }>();
  /** Recently read page JSON (`caseId|page`, least recently used first), so scrolling does not re-read. */
  private raw = new Map<string, string[]>();
  /** Search text reads under way, per index. */
  private textLoads = new WeakMap<CaseIndex, Promise<void>>();

  /** Read a case's search text in the background once its index is loaded (the UI's store; workers need not). */
  private readonly preloadText: boolean;

  constructor(
    readonly db: TokentrailDb,
    preloadText: boolean,
  ) {
    this.preloadText = preloadText;
  }

  /** Forgets what is held in memory for a case (after any change to its events). */
  invalidate(caseId: string): void {
    this.indexes.delete(caseId);
    for (const k of [...this.raw.keys()]) if (k.startsWith(`${caseId}|`)) this.raw.delete(k);
  }

  /** Writes encoded pages (events already in order) and returns their metadata. */
  private async writePages(caseId: string, events: TgEvent[], first: number, run: number): Promise<PageMeta[]> {
    const pages: EventPage[] = [];
    const cols: PageCols[] = [];
    const texts: PageText[] = [];
    for (let i = 0; i < events.length; i += PAGE_SIZE) {
      const chunk = events.slice(i, i + PAGE_SIZE);
      const page = first + pages.length;
      const enc = encodePage(caseId, page, chunk);
      pages.push({ caseId, page, minTs: chunk[0]!.time.ts, maxTs: chunk[chunk.length - 1]!.time.ts, n: chunk.length, events: enc.events });
      cols.push(enc.cols);
      texts.push(enc.text);
    }
    const d = this.db;
    await Promise.all([d.eventPages.bulkPut(pages), d.pageCols.bulkPut(cols), d.pageText.bulkPut(texts)]);
    return pages.map((p) => ({ ...metaOf(p), run }));
  }

  /**
   * Appends events to a case. The batch is sorted; when it starts at or after the last stored
   * event it continues the last sorted run (topping up its last page), else it starts a new run.
   * Ingestion streams each input in its own time order, so a case has about one run per input.
   */
  async putEventBatch(caseId: string, events: TgEvent[]): Promise<void> {
    if (!events.length) return;
    const batch = [...events].sort(compareEvents);
    const d = this.db;
    await d.transaction('rw', [d.cases, d.eventPages, d.pageCols, d.pageText], async () => {
      const c = await d.cases.get(caseId);
      if (!c) throw new Error(`no case ${caseId}`);
      const pages = [...c.pages];
      const last = pages[pages.length - 1];
      const continues = !last || (last.run !== undefined && c.tail !== undefined && compareKey(c.tail, batch[0]!) <= 0);
      let nextRun = c.nextRun ?? 0;
      const run = continues && last ? last.run! : nextRun++;
      let rest = batch;
      let first = (last?.page ?? -1) + 1;
      if (continues && last && last.n < PAGE_SIZE) {
        // Top up the run's last page so an ordered stream keeps full pages.
        rest = [...pageEvents(await d.eventPages.get([caseId, last.page])), ...batch];
        pages.pop();
        first = last.page;
      }
      pages.push(...(await this.writePages(caseId, rest, first, run)));
      const t = batch[batch.length - 1]!;
      await d.cases.update(caseId, {
        pages,
        sorted: c.sorted && continues,
        eventCount: c.eventCount + events.length,
        tail: { ts: t.time.ts, input: t.src.input, line: t.src.line, id: t.id },
        nextRun,
        rev: (c.rev ?? 0) + 1,
      });
    });
    this.invalidate(caseId);
  }

  /**
   * Makes the case ready to browse. The order is merged in memory from the sorted runs, so this
   * rewrites nothing unless the case has so many runs (batches far out of order) that a window
   * of rows would touch too many pages: then it rewrites the events as one run.
   */
  async finalize(caseId: string): Promise<CaseRow> {
    const c = await this.db.cases.get(caseId);
    if (!c) throw new Error(`no case ${caseId}`);
    const runs = new Set(c.pages.map((p, i) => p.run ?? -1 - i)).size;
    if (runs <= MAX_RUNS) return c;
    return this.rewrite(caseId, () => true);
  }

  /** Rewrites the case's events (those `keep` accepts) as one sorted run, in one transaction. */
  async rewrite(caseId: string, keep: (input: string) => boolean): Promise<CaseRow> {
    const idx = await this.index(caseId);
    const d = this.db;
    const row = await d.transaction('rw', [d.cases, d.eventPages, d.pageCols, d.pageText], async () => {
      const c = await d.cases.get(caseId);
      if (!c) throw new Error(`no case ${caseId}`);
      // One streaming pass in global order: a stored page is read when the merge reaches it and
      // dropped after its last event (so at most one page per run is held), and the kept events
      // are written a page at a time, numbered after the old pages, which go at the end. Events
      // move as stored (JSON, columns, keys, text): nothing is parsed or encoded again.
      const old = c.pages.map((p) => p.page);
      let next = Math.max(-1, ...old) + 1;
      const open = new Map<number, StoredEvent[]>();
      const pages: PageMeta[] = [];
      let out: StoredEvent[] = [];
      let kept = 0;
      let last: StoredEvent | undefined;
      const flush = async () => {
        const enc = encodeStored(caseId, next, out);
        await Promise.all([
          d.eventPages.put({ caseId, page: next, minTs: out[0]!.ts, maxTs: out[out.length - 1]!.ts, n: out.length, events: enc.events }),
          d.pageCols.put(enc.cols),
          d.pageText.put(enc.text),
        ]);
        pages.push({ page: next, minTs: out[0]!.ts, maxTs: out[out.length - 1]!.ts, n: out.length, run: 0 });
        next++;
        out = [];
      };
      for (let r = 0; r < idx.n; r++) {
        const [p, i] = idx.locate(r);
        let events = open.get(p);
        if (!events) {
          const key: [string, number] = [caseId, idx.pages[p]!.page];
          const [rec, cols, text] = await Promise.all([d.eventPages.get(key), d.pageCols.get(key), d.pageText.get(key)]);
          if (!rec?.events || !cols || !text) throw new Error(`page ${key[1]} of case ${caseId} is incomplete`);
          events = storedEvents(rec.events, cols, text);
          open.set(p, events);
        }
        const e = events[i]!;
        if (i === idx.pages[p]!.n - 1) open.delete(p);
        if (!keep(e.input)) continue;
        out.push(e);
        kept++;
        last = e;
        if (out.length === PAGE_SIZE) await flush();
      }
      if (out.length) await flush();
      for (const t of [d.eventPages, d.pageCols, d.pageText]) await t.bulkDelete(old.map((pg) => [caseId, pg] as [string, number]));
      const row: CaseRow = {
        ...c,
        pages,
        sorted: true,
        eventCount: kept,
        tail: last && { ts: last.ts, input: last.input, line: last.line, id: last.id },
        nextRun: 1,
        rev: (c.rev ?? 0) + 1,
      };
      await d.cases.put(row);
      return row;
    });
    this.invalidate(caseId);
    return row;
  }

  /** The case's in-memory index (rebuilt when another writer changed the case). */
  private async index(caseId: string): Promise<CaseIndex> {
    const c = await this.db.cases.get(caseId);
    if (!c) throw new Error(`no case ${caseId}`);
    const held = this.indexes.get(caseId);
    if (held && held.rev === (c.rev ?? 0)) return held.index;
    this.invalidate(caseId);
    // A million-event index is a few hundred MB: keep the case being read and the one before it.
    while (this.indexes.size >= 2) this.invalidate(this.indexes.keys().next().value as string);
    const index = this.loadIndex(c);
    this.indexes.set(caseId, { rev: c.rev ?? 0, index });
    try {
      const idx = await index;
      // Read the search text in the background, so the first text filter does not wait for it.
      if (this.preloadText) setTimeout(() => this.withText(caseId, idx).catch(() => {}), 0);
      return idx;
    } catch (e) {
      this.indexes.delete(caseId);
      throw e;
    }
  }

  private async loadIndex(c: CaseRow): Promise<CaseIndex> {
    const d = this.db;
    let cols = await d.pageCols.where('caseId').equals(c.id).toArray();
    if (cols.length !== c.pages.length) {
      await this.migrate(c);
      return this.loadIndex((await d.cases.get(c.id))!);
    }
    const byPage = new Map(cols.map((x) => [x.page, x]));
    cols = c.pages.map((p) => byPage.get(p.page)!);
    return new CaseIndex(c.pages, cols);
  }

  /** Gives the pages of a v2 case their columns and search text (v3), keeping their content. */
  private async migrate(c: CaseRow): Promise<void> {
    const d = this.db;
    await d.transaction('rw', [d.cases, d.eventPages, d.pageCols, d.pageText], async () => {
      const pages: PageMeta[] = [];
      for (const [i, m] of c.pages.entries()) {
        const events = pageEvents(await d.eventPages.get([c.id, m.page]));
        const enc = encodePage(c.id, m.page, events);
        await d.eventPages.put({ caseId: c.id, page: m.page, minTs: m.minTs, maxTs: m.maxTs, n: events.length, events: enc.events });
        await d.pageCols.put(enc.cols);
        await d.pageText.put(enc.text);
        // A finalized v2 case is one sorted run; otherwise each page was sorted on its own.
        pages.push({ ...m, run: c.sorted ? 0 : i });
      }
      const last = pages.length ? pageEvents(await d.eventPages.get([c.id, pages[pages.length - 1]!.page])).pop() : undefined;
      await d.cases.update(c.id, {
        pages,
        nextRun: pages.length,
        tail: last && { ts: last.time.ts, input: last.src.input, line: last.src.line, id: last.id },
        rev: (c.rev ?? 0) + 1,
      });
    });
  }

  /** The search text of every page, loaded once per index (the biggest part of it, so only when a text filter needs it). */
  private withText(caseId: string, idx: CaseIndex): Promise<void> {
    if (idx.hasText) return Promise.resolve();
    let loading = this.textLoads.get(idx);
    if (!loading) {
      // Record by record (a cursor), so the main thread deserialises ~1 MB at a time, not ~200 MB at once.
      const byPage = new Map<number, [PageText, Uint32Array]>();
      loading = this.db.pageText
        .where('caseId')
        .equals(caseId)
        .each((x) => {
          byPage.set(x.page, [x, textBloom(x.text)]);
        })
        .then(() => {
          const got = idx.pages.map((p) => byPage.get(p.page)!);
          idx.setText(
            got.map(([t]) => t),
            got.map(([, b]) => b),
          );
        });
      this.textLoads.set(idx, loading);
    }
    return loading;
  }

  /** The events at the given ranks (each page read once, only the needed events parsed). */
  private async eventsAt(caseId: string, idx: CaseIndex, ranks: ArrayLike<number>): Promise<TgEvent[]> {
    const at = Array.from(ranks, (r) => idx.locate(r));
    const need = [...new Set(at.map(([p]) => p))];
    const json = new Map<number, string[]>();
    await Promise.all(
      need.map(async (p) => {
        const key = `${caseId}|${idx.pages[p]!.page}`;
        let s = this.raw.get(key);
        if (s === undefined) {
          const rec = await this.db.eventPages.get([caseId, idx.pages[p]!.page]);
          s = rec?.events ?? [];
        } else this.raw.delete(key);
        this.raw.set(key, s);
        json.set(p, s);
      }),
    );
    while (this.raw.size > RAW_CACHE) this.raw.delete(this.raw.keys().next().value as string);
    return at.map(([p, i]) => JSON.parse(json.get(p)![i]!) as TgEvent);
  }

  /** The query's matching ranks (in global order). */
  private async selection(caseId: string, q: EventQuery): Promise<{ idx: CaseIndex; sel: Selection }> {
    const idx = await this.index(caseId);
    if (q.text) await this.withText(caseId, idx);
    let sel = idx.select(q);
    if (!sel) {
      // A needle holding the search text's separators: filter the rows themselves.
      const f = normalise(q);
      const base = idx.select({ ...q, text: '' })!;
      const out: number[] = [];
      for (let i = 0; i < selectionSize(base); i += PAGE_SIZE) {
        const ranks = Array.from({ length: Math.min(PAGE_SIZE, selectionSize(base) - i) }, (_, j) => rankAt(base, i + j));
        const events = await this.eventsAt(caseId, idx, ranks);
        events.forEach((e, j) => {
          if (matches(e, f)) out.push(ranks[j]!);
        });
      }
      sel = { lo: 0, hi: out.length, ranks: Uint32Array.from(out) };
    }
    return { idx, sel };
  }

  /** Matching events in global time order, `offset`/`limit` applied. */
  async queryEvents(caseId: string, q: EventQuery = {}): Promise<TgEvent[]> {
    const { idx, sel } = await this.selection(caseId, q);
    const size = selectionSize(sel);
    const from = Math.min(size, q.offset ?? 0);
    const to = Math.min(size, from + (q.limit ?? size));
    const out: TgEvent[] = [];
    // In slices, so exporting a big case never holds every page's JSON at once.
    for (let i = from; i < to; i += PAGE_SIZE) {
      const ranks = sel.ranks ? sel.ranks.subarray(i, Math.min(to, i + PAGE_SIZE)) : Array.from({ length: Math.min(to, i + PAGE_SIZE) - i }, (_, j) => sel.lo + i + j);
      for (const e of await this.eventsAt(caseId, idx, ranks)) out.push(e);
    }
    return out;
  }

  async countEvents(caseId: string, q: EventQuery = {}): Promise<number> {
    return selectionSize((await this.selection(caseId, q)).sel);
  }

  /** Event counts in `buckets` equal time slices over the filter's (or the matches') range. */
  async histogram(caseId: string, q: EventQuery, buckets: number): Promise<Histogram> {
    const f = normalise(q);
    const { idx, sel } = await this.selection(caseId, q);
    const size = selectionSize(sel);
    const tsAt = (i: number) => idx.tsByRank[rankAt(sel, i)]!;
    // Time 0 marks "time unknown" (e.g. a hosts dump without a file time): it must not stretch the
    // axis back to 1970, so the default range starts at the first known time (unknowns clamp to it).
    let firstKnown = 0;
    while (firstKnown < size && tsAt(firstKnown) <= 0) firstKnown++;
    const from = f.from ?? (firstKnown < size ? tsAt(firstKnown) : size ? tsAt(0) : 0);
    const to = f.to ?? (size ? tsAt(size - 1) : from);
    const counts = new Array<number>(buckets).fill(0);
    const width = Math.max(1, (to - from) / buckets);
    const add = (ts: number) => counts[Math.min(buckets - 1, Math.max(0, Math.floor((ts - from) / width)))]!++;
    // A million rows after each filter change: straight loops over the typed arrays.
    if (sel.ranks) for (const r of sel.ranks) add(idx.tsByRank[r]!);
    else for (const ts of idx.tsByRank.subarray(sel.lo, sel.hi)) add(ts);
    return { from, to, counts };
  }
}
