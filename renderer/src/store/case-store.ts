/**
 * The case store: the renderer's only way to read and write cases in IndexedDB.
 *
 * Global time order: events arrive per input (not globally time-ordered), so `putEventBatch`
 * sorts each batch and appends pages, keeping `sorted` true only while batches arrive in time
 * order. `finalize` (run at the end of an import, or lazily by the first query) re-paginates the
 * case into globally ordered, non-overlapping pages; queries then walk pages in order and skip
 * whole pages by their counts.
 */
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS, type Entity, type Finding, type InputRecord, type Link, type Problem, type TgEvent, type TokenInfo, TOOL_VERSION, validateCase } from '../../../src/model';
import type { Histogram } from '../features/timeline/source';
import { type CaseRow, type CaseScoped, type PageMeta, TokentrailDb } from './db';
import { compareEvents, type EventQuery, filterKey, filterRows, makePage, mayContainText, metaOf, normalise, PAGE_SIZE, pageEvents, pageOverlaps, paginate, wholePage } from './event-pages';
import type { TimelineFilter } from '../features/timeline/source';

type Scoped = 'inputs' | 'tokens' | 'entities' | 'links' | 'findings';
const SCOPED: Scoped[] = ['inputs', 'tokens', 'entities', 'links', 'findings'];

function strip<T extends { caseId: string }>(row: T): Omit<T, 'caseId'> {
  const { caseId: _c, ...rest } = row;
  return rest;
}

function randomKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class CaseStore {
  readonly db: TokentrailDb;
  /** Per case: filter key -> matching row count per candidate page (cleared on every write). */
  private counts = new Map<string, Map<string, Map<number, number>>>();
  /** Recently parsed pages (`caseId|page`), so scrolling back and forth does not re-parse. */
  private parsed = new Map<string, TgEvent[]>();

  constructor(db = new TokentrailDb()) {
    this.db = db;
  }

  async createCase(init: { name: string; id?: string; settings?: Case['settings']; createdAt?: string }): Promise<CaseRow> {
    const row: CaseRow = {
      id: init.id ?? crypto.randomUUID(),
      name: init.name,
      createdAt: init.createdAt ?? new Date().toISOString(),
      settings: init.settings ?? { ...DEFAULT_SETTINGS },
      profile: 'csirt',
      redaction: {},
      tool: { name: 'tokentrail', version: TOOL_VERSION },
      eventCount: 0,
      sorted: true,
      pages: [],
      pseudonymKey: randomKey(),
    };
    await this.db.cases.add(row);
    return row;
  }

  /** Newest first. */
  async listCases(): Promise<CaseRow[]> {
    return (await this.db.cases.orderBy('createdAt').reverse().toArray());
  }

  getCase(id: string): Promise<CaseRow | undefined> {
    return this.db.cases.get(id);
  }

  async renameCase(id: string, name: string): Promise<void> {
    await this.db.cases.update(id, { name });
  }

  async deleteCase(id: string): Promise<void> {
    const d = this.db;
    await d.transaction('rw', [d.cases, d.inputs, d.eventPages, d.tokens, d.entities, d.links, d.findings, d.problems, d.stars], async () => {
      await d.cases.delete(id);
      await d.eventPages.where('caseId').equals(id).delete();
      await d.problems.where('caseId').equals(id).delete();
      await d.stars.where('caseId').equals(id).delete();
      for (const t of SCOPED) await d[t].where('caseId').equals(id).delete();
    });
    this.invalidate(id);
  }

  private invalidate(caseId: string): void {
    this.counts.delete(caseId);
    for (const k of [...this.parsed.keys()]) if (k.startsWith(`${caseId}|`)) this.parsed.delete(k);
  }

  /** The rows of one page that pass the filter (reads and parses the page unless cached). */
  private async rowsOf(caseId: string, page: number, f: TimelineFilter): Promise<TgEvent[]> {
    const key = `${caseId}|${page}`;
    let events = this.parsed.get(key);
    if (!events) {
      const rec = await this.db.eventPages.get([caseId, page]);
      if (!rec || !mayContainText(rec, f.text)) return [];
      events = pageEvents(rec);
      this.parsed.set(key, events);
      if (this.parsed.size > 16) this.parsed.delete(this.parsed.keys().next().value as string);
    }
    return filterRows(events, f);
  }

  /** Appends events to a case's pages (topping up the last page first). */
  async putEventBatch(caseId: string, events: TgEvent[]): Promise<void> {
    if (!events.length) return;
    const batch = [...events].sort(compareEvents);
    const d = this.db;
    await d.transaction('rw', [d.cases, d.eventPages], async () => {
      const c = await d.cases.get(caseId);
      if (!c) throw new Error(`no case ${caseId}`);
      const pages = [...c.pages];
      const last = pages[pages.length - 1];
      // Still globally ordered only if this batch starts at or after everything stored so far.
      const sorted = c.sorted && (!last || batch[0]!.time.ts >= last.maxTs);
      // Unordered pages are staging: finalize rewrites them with their index keys.
      let rest = batch;
      if (last && last.n < PAGE_SIZE) {
        const stored = await d.eventPages.get([caseId, last.page]);
        const room = PAGE_SIZE - last.n;
        const merged = [...pageEvents(stored), ...rest.slice(0, room)].sort(compareEvents);
        rest = rest.slice(room);
        const page = makePage(caseId, last.page, merged, sorted);
        await d.eventPages.put(page);
        pages[pages.length - 1] = metaOf(page);
      }
      const added = paginate(caseId, rest, (pages[pages.length - 1]?.page ?? -1) + 1, PAGE_SIZE, sorted);
      await d.eventPages.bulkAdd(added);
      pages.push(...added.map(metaOf));
      await d.cases.update(caseId, { pages, sorted, eventCount: c.eventCount + events.length });
    });
    this.invalidate(caseId);
  }

  /** Re-paginates a case into globally time-ordered pages (no-op when already sorted). */
  async finalize(caseId: string): Promise<CaseRow> {
    const d = this.db;
    return d.transaction('rw', [d.cases, d.eventPages], async () => {
      const c = await d.cases.get(caseId);
      if (!c) throw new Error(`no case ${caseId}`);
      if (c.sorted) return c;
      const all: TgEvent[] = [];
      await d.eventPages.where('caseId').equals(caseId).each((p) => {
        for (const e of pageEvents(p)) all.push(e);
      });
      all.sort(compareEvents);
      await d.eventPages.where('caseId').equals(caseId).delete();
      const pages = paginate(caseId, all);
      await d.eventPages.bulkAdd(pages);
      const row = { ...c, pages: pages.map(metaOf), sorted: true };
      await d.cases.put(row);
      this.invalidate(caseId);
      return row;
    });
  }

  /** Pages that can hold matching events, in time order. */
  private async candidates(caseId: string, q: EventQuery): Promise<PageMeta[]> {
    const f = normalise(q);
    const c = await this.finalize(caseId);
    let pages = c.pages.filter((p) => pageOverlaps(f, p));
    const keep = async (keys: string[]) => {
      const hit = new Set<number>();
      for (const k of keys) for (const pk of await this.db.eventPages.where('keys').equals(`${caseId}|${k}`).primaryKeys()) hit.add(pk[1]);
      pages = pages.filter((p) => hit.has(p.page));
    };
    for (const pivot of f.pivots) await keep([pivot]);
    if (f.kinds.length) await keep(f.kinds.map((k) => `kind:${k}`));
    return pages;
  }

  private countCache(caseId: string, key: string): Map<number, number> {
    const byCase = this.counts.get(caseId) ?? new Map<string, Map<number, number>>();
    this.counts.set(caseId, byCase);
    const m = byCase.get(key) ?? new Map<number, number>();
    byCase.set(key, m);
    return m;
  }

  /** Matching events in global time order, `offset`/`limit` applied. */
  async queryEvents(caseId: string, q: EventQuery = {}): Promise<TgEvent[]> {
    const f = normalise(q);
    const cache = this.countCache(caseId, filterKey(f));
    let skip = q.offset ?? 0;
    const limit = q.limit ?? Number.POSITIVE_INFINITY;
    const out: TgEvent[] = [];
    for (const p of await this.candidates(caseId, q)) {
      if (out.length >= limit) break;
      const known = wholePage(f, p) ? p.n : cache.get(p.page);
      if (known !== undefined && skip >= known) {
        skip -= known;
        continue;
      }
      const rows = await this.rowsOf(caseId, p.page, f);
      cache.set(p.page, rows.length);
      const take = rows.slice(skip, skip + (limit - out.length));
      skip = Math.max(0, skip - rows.length);
      out.push(...take);
    }
    return out;
  }

  async countEvents(caseId: string, q: EventQuery = {}): Promise<number> {
    const f = normalise(q);
    const cache = this.countCache(caseId, filterKey(f));
    let n = 0;
    for (const p of await this.candidates(caseId, q)) {
      let known = wholePage(f, p) ? p.n : cache.get(p.page);
      if (known === undefined) {
        known = (await this.rowsOf(caseId, p.page, f)).length;
        cache.set(p.page, known);
      }
      n += known;
    }
    return n;
  }

  /** Event counts in `buckets` equal time slices over the filter's (or the data's) range. */
  async histogram(caseId: string, q: EventQuery, buckets: number): Promise<Histogram> {
    const f = normalise(q);
    const pages = await this.candidates(caseId, q);
    // Time 0 marks "time unknown" (e.g. a hosts dump without a file time): it must not stretch the
    // axis back to 1970, so the default range starts at the first known time (unknowns clamp to it).
    const knownMin = Math.min(...pages.map((p) => (p.minTs > 0 ? p.minTs : p.maxTs > 0 ? p.maxTs : Number.POSITIVE_INFINITY)));
    const from = f.from ?? (Number.isFinite(knownMin) ? knownMin : (pages[0]?.minTs ?? 0));
    const to = f.to ?? pages[pages.length - 1]?.maxTs ?? from;
    const counts = new Array<number>(buckets).fill(0);
    const width = Math.max(1, (to - from) / buckets);
    const slot = (ts: number) => Math.min(buckets - 1, Math.max(0, Math.floor((ts - from) / width)));
    for (const p of pages) {
      // A page inside one bucket with no row filter is counted without reading it.
      if (wholePage(f, p) && slot(p.minTs) === slot(p.maxTs)) {
        counts[slot(p.minTs)]! += p.n;
        continue;
      }
      for (const e of await this.rowsOf(caseId, p.page, f)) counts[slot(e.time.ts)]!++;
    }
    return { from, to, counts };
  }

  // ---- the other tables: whole-row put/get scoped by case ----

  async put<T extends Scoped>(table: T, caseId: string, rows: Array<Omit<Parameters<TokentrailDb[T]['put']>[0], 'caseId'>>): Promise<void> {
    // Each table's row type is its model type plus caseId; the mapped call loses that link.
    await (this.db[table] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(rows.map((r) => ({ ...r, caseId })));
  }

  putInputs = (caseId: string, rows: InputRecord[]) => this.put('inputs', caseId, rows);
  putTokens = (caseId: string, rows: TokenInfo[]) => this.put('tokens', caseId, rows);
  putEntities = (caseId: string, rows: Entity[]) => this.put('entities', caseId, rows);
  putLinks = (caseId: string, rows: Link[]) => this.put('links', caseId, rows);
  putFindings = (caseId: string, rows: Finding[]) => this.put('findings', caseId, rows);

  async putProblems(caseId: string, rows: Problem[]): Promise<void> {
    await this.db.problems.bulkAdd(rows.map((r) => ({ ...r, caseId })));
  }

  private async all<R extends { caseId: string }>(table: { where(i: string): { equals(v: string): { toArray(): Promise<R[]> } } }, caseId: string) {
    return (await table.where('caseId').equals(caseId).toArray()).map(strip);
  }

  getInputs = async (caseId: string) => (await this.all<CaseScoped<InputRecord>>(this.db.inputs, caseId)) as InputRecord[];
  getTokens = async (caseId: string) => (await this.all<CaseScoped<TokenInfo>>(this.db.tokens, caseId)) as TokenInfo[];
  getEntities = async (caseId: string) => (await this.all<CaseScoped<Entity>>(this.db.entities, caseId)) as Entity[];
  getLinks = async (caseId: string) => (await this.all<CaseScoped<Link>>(this.db.links, caseId)) as Link[];
  getFindings = async (caseId: string) => (await this.all<CaseScoped<Finding>>(this.db.findings, caseId)) as Finding[];

  /** Problems in the order they were recorded. */
  async getProblems(caseId: string): Promise<Problem[]> {
    const rows = await this.db.problems.where('caseId').equals(caseId).sortBy('seq');
    return rows.map(({ caseId: _c, seq: _s, ...p }) => p);
  }

  async toggleStar(caseId: string, eventId: string): Promise<boolean> {
    const key: [string, string] = [caseId, eventId];
    if (await this.db.stars.get(key)) {
      await this.db.stars.delete(key);
      return false;
    }
    await this.db.stars.put({ caseId, eventId, at: new Date().toISOString() });
    return true;
  }

  async getStars(caseId: string): Promise<string[]> {
    return (await this.db.stars.where('caseId').equals(caseId).toArray()).map((s) => s.eventId).sort();
  }

  /**
   * Removes everything one top-level input brought into the case (its events, archive members,
   * input records and problems), so it can be read again, e.g. with another time zone.
   */
  async deleteInputData(caseId: string, topPath: string): Promise<void> {
    const mine = (input: string) => input === topPath || input.startsWith(`${topPath}!`);
    const d = this.db;
    await d.transaction('rw', [d.cases, d.eventPages, d.inputs, d.problems], async () => {
      const c = await d.cases.get(caseId);
      if (!c) throw new Error(`no case ${caseId}`);
      const kept: TgEvent[] = [];
      await d.eventPages.where('caseId').equals(caseId).each((p) => {
        for (const e of pageEvents(p)) if (!mine(e.src.input)) kept.push(e);
      });
      kept.sort(compareEvents);
      await d.eventPages.where('caseId').equals(caseId).delete();
      const pages = paginate(caseId, kept);
      await d.eventPages.bulkAdd(pages);
      await d.cases.put({ ...c, pages: pages.map(metaOf), sorted: true, eventCount: kept.length });
      await d.inputs.where('caseId').equals(caseId).filter((i) => mine(i.path)).delete();
      await d.problems.where('caseId').equals(caseId).filter((p) => mine(p.input)).delete();
    });
    this.invalidate(caseId);
  }

  /** Replaces the case's entities, links and findings with a fresh analysis. */
  async replaceAnalysis(caseId: string, c: Pick<Case, 'entities' | 'links' | 'findings'>): Promise<void> {
    const d = this.db;
    await d.transaction('rw', [d.entities, d.links, d.findings], async () => {
      for (const t of ['entities', 'links', 'findings'] as const) await d[t].where('caseId').equals(caseId).delete();
      await this.putEntities(caseId, c.entities);
      await this.putLinks(caseId, c.links);
      await this.putFindings(caseId, c.findings);
    });
  }

  /** Imports a `tokentrail.case/v1` document (validated first); replaces a case with the same id. */
  async importCaseJson(doc: unknown): Promise<CaseRow> {
    const v = validateCase(doc);
    if (!v.valid) throw new Error(`not a valid ${CASE_FORMAT} document: ${v.errors.join('; ')}`);
    const c = doc as Case;
    if (await this.getCase(c.id)) await this.deleteCase(c.id);
    await this.db.cases.add({
      id: c.id,
      name: c.name,
      createdAt: c.createdAt ?? new Date().toISOString(),
      settings: c.settings,
      profile: c.profile,
      redaction: c.redaction,
      tool: c.tool,
      eventCount: 0,
      sorted: true,
      pages: [],
      pseudonymKey: randomKey(),
    });
    for (let i = 0; i < c.events.length; i += PAGE_SIZE * 5) await this.putEventBatch(c.id, c.events.slice(i, i + PAGE_SIZE * 5));
    await this.finalize(c.id);
    await this.putInputs(c.id, c.inputs);
    await this.putTokens(c.id, c.tokens);
    await this.putEntities(c.id, c.entities);
    await this.putLinks(c.id, c.links);
    await this.putFindings(c.id, c.findings);
    await this.putProblems(c.id, c.problems);
    return (await this.getCase(c.id)) as CaseRow;
  }

  /** The case as a `tokentrail.case/v1` document, in deterministic order. */
  async exportCaseJson(caseId: string): Promise<Case> {
    const c = await this.finalize(caseId);
    const byId = <T extends { id: string }>(a: T[]) => a.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const doc: Case = {
      format: CASE_FORMAT,
      id: c.id,
      name: c.name,
      createdAt: c.createdAt,
      tool: c.tool,
      settings: c.settings,
      profile: c.profile,
      inputs: (await this.getInputs(caseId)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      events: await this.queryEvents(caseId),
      tokens: (await this.getTokens(caseId)).sort((a, b) => (a.fp < b.fp ? -1 : 1)),
      entities: byId(await this.getEntities(caseId)),
      links: byId(await this.getLinks(caseId)),
      findings: byId(await this.getFindings(caseId)),
      problems: await this.getProblems(caseId),
      redaction: c.redaction,
    };
    return doc;
  }
}
