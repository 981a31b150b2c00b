/**
 * The case store: the renderer's only way to read and write cases in IndexedDB.
 *
 * Events live in pages of PAGE_SIZE (each event as a JSON string, plus the page's columns and
 * search text in two side records, see page-cols.ts). `putEventBatch` sorts each batch and appends it to the
 * current sorted run when it continues it, else starts a new run; ingestion streams each input
 * in its own time order, so a case has about one run per input. Queries go through the case's
 * in-memory index (case-index.ts), which merges the runs into the global order (compareEvents)
 * and filters on columns; only the rows on screen are parsed from their pages' JSON. That part
 * lives in case-events.ts; this class is the API over it and over the case's other tables.
 */
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS, type Entity, type Finding, type InputRecord, type Link, type LinkList, type Problem, type TgEvent, type TokenInfo, TOOL_VERSION, validateCase } from '../../../src/model';
import type { Histogram } from '../features/timeline/source';
import { CaseEvents } from './case-events';
import { type CaseRow, type CaseScoped, TokentrailDb } from './db';
import { type EventQuery, PAGE_SIZE } from './event-pages';

type Scoped = 'inputs' | 'tokens' | 'entities' | 'links' | 'findings';
const SCOPED: Scoped[] = ['inputs', 'tokens', 'entities', 'links', 'findings'];
const LINK_BATCH = 20_000;

function strip<T extends { caseId: string }>(row: T): Omit<T, 'caseId'> {
  const { caseId: _c, ...rest } = row;
  return rest;
}

function randomKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class CaseStore {
  readonly db: TokentrailDb;
  /** The events of every case (pages, in-memory indexes, queries). */
  private readonly ev: CaseEvents;

  constructor(db = new TokentrailDb(), opts: { preloadText?: boolean } = {}) {
    this.db = db;
    // Read a case's search text in the background once its index is loaded (the UI's store; workers need not).
    this.ev = new CaseEvents(db, opts.preloadText ?? false);
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

  /**
   * The zone a case's first import was read in becomes the case's default (reports state it as
   * "Default timezone"); later imports and inputs read again in another zone leave it, each input
   * recording its own. True when it was set now.
   */
  async adoptFirstImportZone(caseId: string, tz: string): Promise<boolean> {
    return this.db.transaction('rw', this.db.cases, this.db.inputs, async () => {
      const row = await this.db.cases.get(caseId);
      if (!row || (await this.db.inputs.where('caseId').equals(caseId).count()) > 0) return false;
      if (row.settings.tz !== tz) await this.db.cases.update(caseId, { settings: { ...row.settings, tz } });
      return true;
    });
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
    await d.transaction('rw', [d.cases, d.inputs, d.eventPages, d.pageCols, d.pageText, d.tokens, d.entities, d.links, d.findings, d.problems, d.stars], async () => {
      await d.cases.delete(id);
      await d.eventPages.where('caseId').equals(id).delete();
      await d.pageCols.where('caseId').equals(id).delete();
      await d.pageText.where('caseId').equals(id).delete();
      await d.problems.where('caseId').equals(id).delete();
      await d.stars.where('caseId').equals(id).delete();
      for (const t of SCOPED) await d[t].where('caseId').equals(id).delete();
    });
    this.ev.invalidate(id);
  }

  /** Appends events to a case (see CaseEvents.putEventBatch). */
  putEventBatch(caseId: string, events: TgEvent[]): Promise<void> {
    return this.ev.putEventBatch(caseId, events);
  }

  /** Makes the case ready to browse (rewrites it only when its sorted runs are too many). */
  finalize(caseId: string): Promise<CaseRow> {
    return this.ev.finalize(caseId);
  }

  /** Matching events in global time order, `offset`/`limit` applied. */
  queryEvents(caseId: string, q: EventQuery = {}): Promise<TgEvent[]> {
    return this.ev.queryEvents(caseId, q);
  }

  countEvents(caseId: string, q: EventQuery = {}): Promise<number> {
    return this.ev.countEvents(caseId, q);
  }

  /** Event counts in `buckets` equal time slices over the filter's (or the matches') range. */
  histogram(caseId: string, q: EventQuery, buckets: number): Promise<Histogram> {
    return this.ev.histogram(caseId, q, buckets);
  }

  // ---- the other tables: whole-row put/get scoped by case ----

  async put<T extends Scoped>(table: T, caseId: string, rows: Array<Omit<Parameters<TokentrailDb[T]['put']>[0], 'caseId'>>): Promise<void> {
    // Each table's row type is its model type plus caseId; the mapped call loses that link.
    await (this.db[table] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(rows.map((r) => ({ ...r, caseId })));
  }

  putInputs = (caseId: string, rows: InputRecord[]) => this.put('inputs', caseId, rows);
  putTokens = (caseId: string, rows: TokenInfo[]) => this.put('tokens', caseId, rows);
  putEntities = (caseId: string, rows: Entity[]) => this.put('entities', caseId, rows);
  /** In batches: a big case's links may be a table that makes each link as it is read (LinkList). */
  putLinks = async (caseId: string, links: LinkList): Promise<void> => {
    let batch: Link[] = [];
    for (const l of links) {
      batch.push(l);
      if (batch.length === LINK_BATCH) {
        await this.put('links', caseId, batch);
        batch = [];
      }
    }
    if (batch.length) await this.put('links', caseId, batch);
  };
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
    await this.ev.rewrite(caseId, (input) => !mine(input));
    const d = this.db;
    await d.transaction('rw', [d.inputs, d.problems], async () => {
      await d.inputs.where('caseId').equals(caseId).filter((i) => mine(i.path)).delete();
      await d.problems.where('caseId').equals(caseId).filter((p) => mine(p.input)).delete();
    });
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
