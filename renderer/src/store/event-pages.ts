/**
 * Pure helpers for event pages: the global order, page size, query defaults. Kept apart from
 * Dexie so they are easy to test and reuse in workers.
 */
import type { TgEvent } from '../../../src/model';
import type { TimelineFilter } from '../features/timeline/source';
import type { EventPage, OrderKey, PageMeta } from './db';

/** Events per page: large enough that 1M events are ~250 records, small enough to load fast. */
export const PAGE_SIZE = 4000;

/** The one global event order: time, then input, then line, then id (total and deterministic). */
export function compareEvents(a: TgEvent, b: TgEvent): number {
  return (
    a.time.ts - b.time.ts ||
    (a.src.input < b.src.input ? -1 : a.src.input > b.src.input ? 1 : 0) ||
    a.src.line - b.src.line ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** compareEvents between a stored order key and an event. */
export function compareKey(k: OrderKey, b: TgEvent): number {
  return k.ts - b.time.ts || (k.input < b.src.input ? -1 : k.input > b.src.input ? 1 : 0) || k.line - b.src.line || (k.id < b.id ? -1 : k.id > b.id ? 1 : 0);
}

/** A query over a case's events; the timeline's filter plus paging. */
export type EventQuery = Partial<TimelineFilter> & { offset?: number; limit?: number };

/** Fills the defaults so the query is a complete TimelineFilter. */
export function normalise(q: EventQuery): TimelineFilter {
  return { from: q.from, to: q.to, pivots: q.pivots ?? [], kinds: q.kinds ?? [], sources: q.sources ?? [], text: q.text ?? '', minSeverity: q.minSeverity };
}

export function metaOf(p: EventPage): PageMeta {
  return { page: p.page, minTs: p.minTs, maxTs: p.maxTs, n: p.n };
}

/** All events of a stored page (either layout). */
export function pageEvents(p: EventPage | undefined): TgEvent[] {
  if (!p) return [];
  if (p.events) return p.events.map((j) => JSON.parse(j) as TgEvent);
  return JSON.parse(p.json ?? '[]') as TgEvent[];
}
