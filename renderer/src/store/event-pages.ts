/**
 * Pure helpers for event pages: ordering, paging, the keys a page is indexed by, and the
 * row-level filter. Kept apart from Dexie so they are easy to test and reuse in workers.
 */
import type { TgEvent } from '../../../src/model';
import { matches, pivotKeys, type TimelineFilter } from '../features/timeline/source';
import type { EventPage, PageMeta } from './db';

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

/** A query over a case's events; the timeline's filter plus paging. */
export type EventQuery = Partial<TimelineFilter> & { offset?: number; limit?: number };

/** Fills the defaults so the query is a complete TimelineFilter. */
export function normalise(q: EventQuery): TimelineFilter {
  return { from: q.from, to: q.to, pivots: q.pivots ?? [], kinds: q.kinds ?? [], sources: q.sources ?? [], text: q.text ?? '', minSeverity: q.minSeverity };
}

/** Stable cache key of a filter (without offset/limit). */
export function filterKey(f: TimelineFilter): string {
  return JSON.stringify([f.from, f.to, [...f.pivots].sort(), [...f.kinds].sort(), [...f.sources].sort(), f.text, f.minSeverity]);
}

/** Builds one page record from events already in order; staging pages (rewritten by finalize) skip the keys. */
export function makePage(caseId: string, page: number, events: TgEvent[], withKeys = true): EventPage {
  const keys = new Set<string>();
  for (const e of withKeys ? events : []) {
    keys.add(`kind:${e.kind}`);
    for (const k of pivotKeys(e)) keys.add(k);
  }
  const prefixed = [...keys].sort().map((k) => `${caseId}|${k}`);
  return { caseId, page, minTs: events[0]?.time.ts ?? 0, maxTs: events[events.length - 1]?.time.ts ?? 0, keys: prefixed, n: events.length, json: JSON.stringify(events) };
}

export function metaOf(p: EventPage): PageMeta {
  return { page: p.page, minTs: p.minTs, maxTs: p.maxTs, n: p.n };
}

export function pageEvents(p: EventPage | undefined): TgEvent[] {
  return p ? (JSON.parse(p.json) as TgEvent[]) : [];
}

/**
 * False when no event of the page can contain `text` (case-insensitive), decided on the stored
 * JSON without parsing it. True means "maybe": the row filter decides.
 */
export function mayContainText(p: EventPage, text: string): boolean {
  if (!text) return true;
  return p.json.toLowerCase().includes(JSON.stringify(text.toLowerCase()).slice(1, -1));
}

/** Splits sorted events into pages numbered from `first`. */
export function paginate(caseId: string, sorted: TgEvent[], first = 0, size = PAGE_SIZE, withKeys = true): EventPage[] {
  const pages: EventPage[] = [];
  for (let i = 0; i < sorted.length; i += size) pages.push(makePage(caseId, first + pages.length, sorted.slice(i, i + size), withKeys));
  return pages;
}

/** True when every event of the page passes the filter without looking at rows. */
export function wholePage(f: TimelineFilter, p: PageMeta): boolean {
  if (f.pivots.length || f.kinds.length || f.sources.length || f.text || f.minSeverity) return false;
  return (f.from === undefined || p.minTs >= f.from) && (f.to === undefined || p.maxTs <= f.to);
}

export function pageOverlaps(f: TimelineFilter, p: PageMeta): boolean {
  return (f.from === undefined || p.maxTs >= f.from) && (f.to === undefined || p.minTs <= f.to);
}

/** Row-level filter (same semantics as the in-memory timeline source). */
export function filterRows(events: TgEvent[], f: TimelineFilter): TgEvent[] {
  return events.filter((e) => matches(e, f));
}
