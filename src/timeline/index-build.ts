/**
 * The timeline index: events in time order plus an inverted index from identifier → sorted event
 * positions, so filtering and pivoting a million events touches only the matching ones.
 * Posting keys: every entity id an event names (`token:…`, `identity:…`, `pilot:…`, `payload:…`,
 * `host:…`, `ip:…`, `endpoint:…`, `vo:…`) plus `user:<name>`, `kind:<kind>`, `parser:<id>`,
 * `input:<path>`, `sev:<severity>`.
 */
import type { Graph } from '../correlate/graph';
import { eventRefs } from '../correlate/refs';
import type { TgEvent } from '../model/event';

export interface TimelineIndex {
  /** The graph's events, in canonical time order. */
  events: TgEvent[];
  /** `ts[i]` = events[i].time.ts, for binary search. */
  ts: Float64Array;
  postings: Map<string, Uint32Array>;
  graph: Graph;
}

/** Builds the index over a correlated graph (events are already in time order there). */
export function buildTimelineIndex(graph: Graph): TimelineIndex {
  const events = graph.events;
  const ts = new Float64Array(events.length);
  const lists = new Map<string, number[]>();
  const push = (k: string, i: number) => {
    const l = lists.get(k);
    if (l === undefined) lists.set(k, [i]);
    else if (l[l.length - 1] !== i) l.push(i);
  };
  const refs: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    ts[i] = e.time.ts;
    const nRefs = eventRefs(e, i, graph, refs);
    for (let k = 0; k < nRefs; k++) push(refs[k]!, i);
    if (e.ids.user) push(`user:${e.ids.user}`, i);
    push(`kind:${e.kind}`, i);
    push(`parser:${e.src.parser}`, i);
    push(`input:${e.src.input}`, i);
    if (e.severity) push(`sev:${e.severity}`, i);
  }
  const postings = new Map<string, Uint32Array>();
  for (const [k, l] of lists) postings.set(k, Uint32Array.from(l));
  return { events, ts, postings, graph };
}

/** First position with ts >= t. */
export function lowerBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position with ts > t. */
export function upperBound(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted union of sorted position lists. */
export function unionSorted(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  if (lists.length === 1) return lists[0]!;
  let n = 0;
  for (const l of lists) n += l.length;
  const all = new Uint32Array(n);
  let o = 0;
  for (const l of lists) {
    all.set(l, o);
    o += l.length;
  }
  all.sort();
  let w = 0;
  for (let r = 0; r < all.length; r++) if (r === 0 || all[r] !== all[r - 1]) all[w++] = all[r]!;
  return all.subarray(0, w);
}

/** Sorted intersection of two sorted position lists. */
export function intersectSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[w++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, w);
}
