/**
 * The renderer's IndexedDB schema (Dexie). One database holds every case.
 *
 * Events are stored in pages, not one record per event: IndexedDB costs ~70 µs per record here
 * (TOOLCHAIN.md), so a million single-event records take ~90 s, while ~250 pages of 4,000 events
 * take a few seconds. Since v3 each page has two side records, its columns (order keys, kind,
 * source, severity, pivot postings) and its search text, from which the reader builds an
 * in-memory index of the case (case-index.ts): a filter on `ip:203.0.113.7` is answered from
 * memory and reads only the pages holding the rows on screen.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Entity, Finding, InputRecord, Link, Problem, TokenInfo } from '../../../src/model';
import type { Case } from '../../../src/model';
import type { PageCols, PageText } from './page-cols';

/** Summary of one stored event page, kept on the case so queries can skip pages unread. */
export interface PageMeta {
  page: number;
  minTs: number;
  maxTs: number;
  n: number;
  /**
   * Sorted run the page belongs to: consecutive pages of one run are in global order among
   * themselves, so the case's order is a merge of its runs (case-index.ts). Absent on v2 pages.
   */
  run?: number;
}

/** The order key of one event (compareEvents): where the last run ends. */
export interface OrderKey {
  ts: number;
  input: string;
  line: number;
  id: string;
}

/** A case's row: metadata only; the bulk lives in the other tables. */
export interface CaseRow {
  id: string;
  name: string;
  createdAt: string;
  settings: Case['settings'];
  profile: Case['profile'];
  redaction: Case['redaction'];
  tool: Case['tool'];
  eventCount: number;
  /** True when the pages form one sorted run (globally time-ordered as stored). */
  sorted: boolean;
  pages: PageMeta[];
  /** Last event of the last run, and the next run number (v3). */
  tail?: OrderKey;
  nextRun?: number;
  /** Bumped by every change to the events, so readers know their in-memory index is stale (v3). */
  rev?: number;
  /** Per-case HMAC key (hex) for report pseudonyms: same person, same alias within this case only. */
  pseudonymKey?: string;
  /** v1 only: starred event ids, moved to the `stars` table by the v2 upgrade. */
  starred?: string[];
}

/** A block of events in (ts, input, line, id) order with the keys needed to find it. */
export interface EventPage {
  caseId: string;
  page: number;
  minTs: number;
  maxTs: number;
  /**
   * v2 pages only: `<caseId>|<pivot key>` of its events for the `*keys` index. v3 pages find
   * events through the in-memory case index (page-cols.ts), which saves ~1,000 index entries per page.
   */
  keys?: string[];
  n: number;
  /** v3: each event as its own JSON string, so a row is parsed without parsing its page. */
  events?: string[];
  /** v2: the events as one JSON array (read and rewritten as `events` when the case is first opened). */
  json?: string;
}

export type CaseScoped<T> = T & { caseId: string };
export type ProblemRow = CaseScoped<Problem> & { seq?: number };

/** A starred timeline row (the report lists starred rows). Added in schema v2. */
export interface StarRow {
  caseId: string;
  eventId: string;
  at: string;
}

export const DB_NAME = 'tokentrail';

/** Version 1 of the schema, exported so the upgrade test can create a v1 database. */
export const SCHEMA_V1 = {
  cases: 'id, name, createdAt',
  inputs: '[caseId+path], caseId',
  eventPages: '[caseId+page], caseId, *keys',
  tokens: '[caseId+fp], caseId',
  entities: '[caseId+id], caseId, [caseId+kind]',
  links: '[caseId+id], caseId',
  findings: '[caseId+id], caseId, [caseId+severity]',
  problems: '++seq, caseId, [caseId+input]',
};

/** Version 2: starred rows get their own table (indexed by case) instead of an array on the case. */
export const SCHEMA_V2 = { ...SCHEMA_V1, stars: '[caseId+eventId], caseId' };

/**
 * Version 3: the columns of each page (order keys, kind, source, pivot postings) and its search
 * text, each in its own record so opening a case reads neither the events' JSON nor the text.
 * Pages of older cases get theirs when the case is first read (case-store.ts).
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, pageCols: '[caseId+page], caseId', pageText: '[caseId+page], caseId' };

/** Moves v1's `cases.starred` arrays into the v2 `stars` table. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const cases = await tx.table<CaseRow>('cases').toArray();
  const rows = cases.flatMap((c) => (c.starred ?? []).map((eventId) => ({ caseId: c.id, eventId, at: c.createdAt })));
  await tx.table<StarRow>('stars').bulkPut(rows);
  await tx
    .table<CaseRow>('cases')
    .toCollection()
    .modify((c) => {
      delete c.starred;
    });
}

export class TokentrailDb extends Dexie {
  cases!: Table<CaseRow, string>;
  inputs!: Table<CaseScoped<InputRecord>, [string, string]>;
  eventPages!: Table<EventPage, [string, number]>;
  tokens!: Table<CaseScoped<TokenInfo>, [string, string]>;
  entities!: Table<CaseScoped<Entity>, [string, string]>;
  links!: Table<CaseScoped<Link>, [string, string]>;
  findings!: Table<CaseScoped<Finding>, [string, string]>;
  problems!: Table<ProblemRow, number>;
  stars!: Table<StarRow, [string, string]>;
  pageCols!: Table<PageCols, [string, number]>;
  pageText!: Table<PageText, [string, number]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
  }
}
