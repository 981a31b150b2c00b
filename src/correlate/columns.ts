/**
 * The events' plain identifiers as columns, read once. Every correlation pass used to walk the
 * million event objects again (each walk is a cache miss per object and per string, the events
 * lying in memory in input order, not time order) and to hash each identifier string again. Here
 * each event is read once: its time, id and plain identifiers go into flat arrays, each
 * identifier as the number of its distinct value, and later passes index arrays.
 */
import type { EventKind, TgEvent } from '../model/event';

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
  readonly codes: Record<CodedField, Int32Array>;
  /** Token fingerprints of the events that name some (by event index). */
  readonly tokenFps: Map<number, string[]>;
}

/** `ts`: the events' times, when the caller read them already. */
export function eventColumns(events: TgEvent[], ts: Float64Array = Float64Array.from(events, (e) => e.time.ts)): EventColumns {
  const n = events.length;
  const id: string[] = new Array(n);
  const kind: EventKind[] = new Array(n);
  const parser: string[] = new Array(n);
  const codeOf = new Map<string, number>();
  const values: string[] = [];
  const codes = {} as Record<CodedField, Int32Array>;
  for (const f of CODED) codes[f] = new Int32Array(n).fill(-1);
  const { host, workerNode, clientHost, ip, endpoint, vo, sub, iss, jti, user, pilotId, globalJobId, batchJobId, ceJobId, arcJobId, payloadId, session, slot } = codes;
  const tokenFps = new Map<number, string[]>();
  const code = (s: string): number => {
    let c = codeOf.get(s);
    if (c === undefined) {
      c = values.length;
      values.push(s);
      codeOf.set(s, c);
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    id[i] = e.id;
    kind[i] = e.kind;
    parser[i] = e.src.parser;
    const x = e.ids;
    if (x.host) host[i] = code(x.host);
    if (x.workerNode) workerNode[i] = code(x.workerNode);
    if (x.clientHost) clientHost[i] = code(x.clientHost);
    if (x.ip) ip[i] = code(x.ip);
    if (x.endpoint) endpoint[i] = code(x.endpoint);
    if (x.vo) vo[i] = code(x.vo);
    if (x.sub) sub[i] = code(x.sub);
    if (x.iss) iss[i] = code(x.iss);
    if (x.jti) jti[i] = code(x.jti);
    if (x.user) user[i] = code(x.user);
    if (x.pilotId) pilotId[i] = code(x.pilotId);
    if (x.globalJobId) globalJobId[i] = code(x.globalJobId);
    if (x.batchJobId) batchJobId[i] = code(x.batchJobId);
    if (x.ceJobId) ceJobId[i] = code(x.ceJobId);
    if (x.arcJobId) arcJobId[i] = code(x.arcJobId);
    if (x.payloadId) payloadId[i] = code(x.payloadId);
    if (x.session) session[i] = code(x.session);
    if (x.slot) slot[i] = code(x.slot);
    if (x.tokenFps?.length) tokenFps.set(i, x.tokenFps);
  }
  return { n, ts, id, kind, parser, values, codes, tokenFps };
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
