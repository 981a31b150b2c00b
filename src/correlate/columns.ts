/**
 * The events' identifiers as columns, read once. Every correlation pass used to walk the
 * million event objects again (each walk is a cache miss per object and per string, the events
 * lying in memory in input order, not time order) and to hash each identifier string again. Here
 * each event is read once: its time, id and plain identifiers go into flat arrays, each
 * identifier as the number of its distinct value, and later passes index arrays.
 */
import type { EventKind, TgEvent } from '../model/event';
import { dict } from '../model/dict';
import type { CanonicalOrder } from './order';

/** Identifier fields kept as codes (`-1` when the event has none; an empty string counts as none, as parsers drop them). */
export const CODED = ['host', 'workerNode', 'clientHost', 'ip', 'endpoint', 'vo', 'sub', 'iss', 'jti', 'user', 'pilotId', 'globalJobId', 'batchJobId', 'ceJobId', 'arcJobId', 'payloadId', 'session', 'slot'] as const;
export type CodedField = (typeof CODED)[number];

export interface EventColumns {
  readonly n: number;
  readonly ts: Float64Array;
  readonly id: string[];
  readonly kind: EventKind[];
  readonly parser: string[];
  /** Distinct raw values; a code is an index here. */
  readonly values: string[];
  /**
   * Plain arrays of small integers, not typed arrays: eighteen typed arrays of a million entries
   * are 72 MB of external memory, which V8 answers with a full collection of the whole heap
   * (tried again: a million events then always paid a full collection, 2-3 CPU-s; with plain
   * arrays it came late or not at all).
   */
  readonly codes: Record<CodedField, number[]>;
  /** The events' own instance of `s` when some event holds that value, else `s`. */
  readonly canonical: (s: string) => string;
  /** The code of value `s`, or -1 when no event holds it. */
  readonly codeOf: (s: string) => number;
  /** Token fingerprints of the events that name some (by event index). */
  readonly tokenFps: Map<number, string[]>;
}

/**
 * Columns of `sorted.events` (with their times `sorted.ts`). With `sorted.order`, the events are
 * read in input order, each written at its place in time order: input order is the order the
 * events lie in memory, and reading a million of them in time order instead costs a cache miss per
 * object and per string (1.9 instead of 3.2 s at 1M).
 */
export function eventColumns(input: TgEvent[], sorted: CanonicalOrder): EventColumns {
  const { ts, order } = sorted;
  const events = order ? input : sorted.events;
  const n = events.length;
  // Where each event read goes: its place in time order.
  let at: Int32Array | undefined;
  if (order) {
    at = new Int32Array(n);
    for (let k = 0; k < n; k++) at[order[k]!] = k;
  }
  const id: string[] = new Array(n);
  const kind: EventKind[] = new Array(n);
  const parser: string[] = new Array(n);
  const valueDict = dict();
  const values = valueDict.list;
  const codes = {} as Record<CodedField, number[]>;
  for (const f of CODED) codes[f] = new Array<number>(n).fill(-1);
  const tokenFps = new Map<number, string[]>();
  // The fields an event has, not every field asked of every event: ids objects come in as many
  // shapes as parsers write them, and eighteen lookups by name per event on so many shapes cost
  // more than walking the few keys each one holds.
  // Each column remembers its last value: events lie in input order, a file's lines together, and
  // neighbours mostly repeat the host, VO, user or IP. Comparing with the last one is cheaper than
  // hashing a fresh string for the dictionary (a million events: ~6M lookups, most of them repeats).
  const columnOf = new Map<string, CodedColumn>(CODED.map((f) => [f, { codes: codes[f], last: '', lastCode: -1 }]));
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const k = at ? at[i]! : i;
    id[k] = e.id;
    kind[k] = e.kind;
    parser[k] = e.src.parser;
    const x = e.ids as Record<string, unknown>;
    for (const key in x) {
      const v = x[key];
      const col = columnOf.get(key);
      if (col) {
        if (typeof v === 'string' && v) {
          if (v !== col.last) {
            col.last = v;
            col.lastCode = valueDict.of(v);
          }
          col.codes[k] = col.lastCode;
        }
      } else if (key === 'tokenFps' && Array.isArray(v) && v.length) tokenFps.set(k, v as string[]);
    }
  }
  const canonical = (s: string) => {
    const c = valueDict.find(s);
    return c === undefined ? s : values[c]!;
  };
  const codeOf = (s: string) => valueDict.find(s) ?? -1;
  return { n, ts, id, kind, parser, values, codes, canonical, codeOf, tokenFps };
}

interface CodedColumn {
  codes: number[];
  last: string;
  lastCode: number;
}

/** `f` of a value code, computed once per code (asked once per event, answered per distinct value). */
export function perCode<T>(f: (code: number) => T): (code: number) => T {
  const memo: T[] = [];
  const known: boolean[] = [];
  return (c) => {
    if (!known[c]) {
      memo[c] = f(c);
      known[c] = true;
    }
    return memo[c] as T;
  };
}
