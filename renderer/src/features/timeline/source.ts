/**
 * Where the timeline gets rows. The view asks for counts, a window of rows and a histogram for the
 * current filter, so a million-event case never has to sit in React state. `memorySource` serves
 * an in-memory array; the Dexie store serves paged events through the same interface.
 */
import type { EventKind, TgEvent } from '../../../../src/model/event';
import type { Severity } from '../../../../src/model/severity';

export interface TimelineFilter {
  from?: number;
  to?: number;
  /** Identifier pivots: `ip:203.0.113.7`, `jti:…`, `user:alice`, `tok:<fp16>`, `job:40117.0` … (all must match). */
  pivots: string[];
  kinds: EventKind[];
  /** Parser ids or input paths. */
  sources: string[];
  text: string;
  minSeverity?: Severity;
}

export const EMPTY_FILTER: TimelineFilter = { pivots: [], kinds: [], sources: [], text: '' };

export interface Histogram {
  from: number;
  to: number;
  counts: number[];
}

export interface TimelineSource {
  count(f: TimelineFilter): Promise<number>;
  rows(f: TimelineFilter, offset: number, limit: number): Promise<TgEvent[]>;
  histogram(f: TimelineFilter, buckets: number): Promise<Histogram>;
}

/** The identifier keys an event can be pivoted on (same keys the store indexes). */
export function pivotKeys(e: TgEvent): string[] {
  const i = e.ids;
  const keys: string[] = [];
  const add = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') keys.push(`${k}:${v}`);
  };
  add('ip', i.ip);
  add('host', i.host);
  add('host', i.workerNode);
  add('user', i.user);
  add('sub', i.sub);
  add('jti', i.jti);
  add('vo', i.vo);
  for (const j of [i.ceJobId, i.batchJobId, i.globalJobId, i.arcJobId]) add('job', j);
  add('pilot', i.pilotId);
  add('payload', i.payloadId);
  add('endpoint', i.endpoint);
  for (const fp of i.tokenFps ?? []) add('tok', fp.slice(0, 16));
  return keys;
}

const SEV = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * Whether an event carries one pivot key (`ip:…`, `tok:<fp16>` …): the same keys as `pivotKeys`,
 * checked field by field, because filtering a million rows must not build every row's key list.
 */
export function hasPivot(e: TgEvent, pivot: string): boolean {
  const colon = pivot.indexOf(':');
  const k = pivot.slice(0, colon);
  const v = pivot.slice(colon + 1);
  const i = e.ids;
  switch (k) {
    case 'ip':
      return i.ip === v;
    case 'host':
      return i.host === v || i.workerNode === v;
    case 'user':
      return i.user === v;
    case 'sub':
      return i.sub === v;
    case 'jti':
      return i.jti === v;
    case 'vo':
      return i.vo === v;
    case 'job':
      return i.ceJobId === v || i.batchJobId === v || i.globalJobId === v || i.arcJobId === v;
    case 'pilot':
      return i.pilotId === v;
    case 'payload':
      return i.payloadId === v;
    case 'endpoint':
      return i.endpoint === v;
    case 'tok':
      return (i.tokenFps ?? []).some((fp) => fp.startsWith(v));
    default:
      return pivotKeys(e).includes(pivot);
  }
}

export function matches(e: TgEvent, f: TimelineFilter): boolean {
  if (f.from !== undefined && e.time.ts < f.from) return false;
  if (f.to !== undefined && e.time.ts > f.to) return false;
  if (f.kinds.length && !f.kinds.includes(e.kind)) return false;
  if (f.sources.length && !f.sources.includes(e.src.parser) && !f.sources.includes(e.src.input)) return false;
  if (f.minSeverity && SEV.indexOf(e.severity ?? 'info') < SEV.indexOf(f.minSeverity)) return false;
  if (f.pivots.length && !f.pivots.every((p) => hasPivot(e, p))) return false;
  if (f.text) {
    const t = f.text.toLowerCase();
    if (!e.text.toLowerCase().includes(t) && !(e.summary ?? '').toLowerCase().includes(t)) return false;
  }
  return true;
}

/** An in-memory source over time-sorted events, with a per-filter result cache. */
export function memorySource(events: TgEvent[]): TimelineSource {
  const sorted = [...events].sort((a, b) => a.time.ts - b.time.ts || (a.id < b.id ? -1 : 1));
  let lastKey = '';
  let last: TgEvent[] = sorted;
  const select = (f: TimelineFilter) => {
    const key = JSON.stringify(f);
    if (key !== lastKey) {
      last = sorted.filter((e) => matches(e, f));
      lastKey = key;
    }
    return last;
  };
  return {
    count: async (f) => select(f).length,
    rows: async (f, offset, limit) => select(f).slice(offset, offset + limit),
    histogram: async (f, buckets) => {
      const rows = select(f);
      const from = f.from ?? rows[0]?.time.ts ?? 0;
      const to = f.to ?? rows[rows.length - 1]?.time.ts ?? from;
      const counts = new Array<number>(buckets).fill(0);
      const width = Math.max(1, (to - from) / buckets);
      for (const e of rows) counts[Math.min(buckets - 1, Math.max(0, Math.floor((e.time.ts - from) / width)))]!++;
      return { from, to, counts };
    },
  };
}
