/**
 * The in-memory correlation graph: per-kind records (with full event membership and intervals) from
 * which the case's `entities` and `links` are emitted, and over which trace and findings work.
 * Event references are indices into `Graph.events`.
 */
import type { CaseSettings } from '../model/case';
import type { Confidence, Entity, LinkList } from '../model/entity';
import type { TgEvent } from '../model/event';
import type { Evidence } from '../model/finding';
import type { TokenInfo } from '../model/token';
import { isoTime } from '../model/iso-time';
import type { EventColumns } from './columns';
import type { JobIndex } from './pilots';

export interface TokenRec {
  /** Entity id `token:<key>`; key = fingerprint, else `<iss>|<jti>`. */
  id: string;
  key: string;
  fp?: string;
  jti?: string;
  iss?: string;
  sub?: string;
  info?: TokenInfo;
  /** Identity entity id of its subject, when known. */
  identity?: string;
  events: number[];
}

export interface IdentityRec {
  /** `identity:<iss>|<sub>` (iss empty when no line or token names it). */
  id: string;
  iss: string;
  sub: string;
  /** Local accounts and VO user names a log line mapped this subject to. */
  users: Set<string>;
  vos: Set<string>;
  events: number[];
}

export interface PilotRec {
  /** `pilot:<key>`; key = framework pilot id, else GlobalJobId, else batch, CE or ARC job id. */
  id: string;
  key: string;
  ceJobIds: Set<string>;
  batchJobIds: Set<string>;
  globalJobIds: Set<string>;
  pilotIds: Set<string>;
  arcJobIds: Set<string>;
  /** Worker nodes it ran on. */
  hosts: Set<string>;
  slots: Set<string>;
  /** CE hosts it was submitted to. */
  ces: Set<string>;
  vos: Set<string>;
  /** Local owners (pilot accounts). */
  owners: Set<string>;
  /** Running interval (UTC ms); `endKnown` false when no end record was seen. */
  start?: number;
  end?: number;
  endKnown: boolean;
  events: number[];
  /** IPs the worker-node logs state for this pilot (evidence event index each). */
  statedIps: Map<string, number>;
  payloads: Set<string>;
  /** How pieces were joined when not by a shared id (said in answers). */
  notes: string[];
}

export interface PayloadRec {
  /** `payload:<framework job id>`. */
  id: string;
  key: string;
  users: Set<string>;
  subs: Set<string>;
  vos: Set<string>;
  hosts: Set<string>;
  pilot?: string;
  pilotLink?: { confidence: Confidence; rule: string; reason?: string; evidence: number[] };
  start?: number;
  end?: number;
  endKnown: boolean;
  events: number[];
}

/** Evidence that an IP belonged to a host over an interval. */
export interface IpHostSpan {
  ip: string;
  host: string;
  from: number;
  to: number;
  rule: string;
  evidence: number[];
  /** Set when the IP maps to several hosts at overlapping times (NAT, shared gateway). */
  shared: boolean;
}

/** A join between a token and a pilot or payload, with why. */
export interface TokenJoin {
  token: string;
  target: string;
  rule: string;
  confidence: Confidence;
  reason?: string;
  evidence: number[];
}

export interface Graph {
  events: TgEvent[];
  /** The events' times, ids and plain identifiers as columns (same order as `events`). */
  columns: EventColumns;
  settings: CaseSettings;
  tokens: Map<string, TokenRec>;
  identities: Map<string, IdentityRec>;
  pilots: Map<string, PilotRec>;
  payloads: Map<string, PayloadRec>;
  spansByIp: Map<string, IpHostSpan[]>;
  spansByHost: Map<string, IpHostSpan[]>;
  /** Hosts that write service logs (CE, storage, FTS, IAM...), never a pilot's worker node. */
  serviceHosts: Set<string>;
  /** Any job/pilot id (`ce:`, `batch:`, `gjid:`, `pilot:`, `arc:` prefixed) → pilot key. */
  /** Pilot key by job name (`ce:123.0`), built at its first question. */
  pilotByJob: JobIndex;
  /** Token entity ids each event names (parallel to events; empty array when none). */
  eventTokens: string[][];
  /** Identity id each event names, when it names a subject. */
  eventIdentity: (string | undefined)[];
  /** Pilot key of each event, when it belongs to one. */
  eventPilot: (string | undefined)[];
  tokenJoins: TokenJoin[];
  /** tokenJoins grouped by token id. */
  joinsByToken: Map<string, TokenJoin[]>;
  /** tokenJoins grouped by target (pilot or payload entity id). */
  joinsByTarget: Map<string, TokenJoin[]>;
  entities: Entity[];
  /** In id order; the links events make on their own are made as they are read (link-list.ts). */
  links: LinkList;
  entityById: Map<string, Entity>;
}

export const DEFAULT_TOLERANCE_MS = 120_000;

export function tolerance(g: { settings: CaseSettings }): number {
  return g.settings.clockToleranceMs ?? DEFAULT_TOLERANCE_MS;
}

/** The evidence pointer of an event. */
export function evidenceOf(e: TgEvent): Evidence {
  return { eventId: e.id, input: e.src.input, line: e.src.line, text: e.text };
}

/**
 * Evidence of events `idx` (indexes into `events`), at most `max`, one entry per input line: a
 * line can hold several events (a history ClassAd, a NAT note naming several hosts).
 */
export function evidenceLines(events: TgEvent[], idx: Iterable<number>, max: number): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const i of idx) {
    if (out.length >= max) break;
    const e = events[i]!;
    const at = `${e.src.input}\n${e.src.line}`;
    if (seen.has(at)) continue;
    seen.add(at);
    out.push(evidenceOf(e));
  }
  return out;
}

/** `2026-11-23 14:05:41 UTC` */
export function fmtTime(ts: number): string {
  if (!Number.isFinite(ts)) return ts < 0 ? 'the beginning' : 'the end';
  const iso = isoTime(ts);
  return iso.length === 24 ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** `±2 min` / `±30 s` */
export function fmtTolerance(ms: number): string {
  return ms % 60_000 === 0 ? `±${ms / 60_000} min` : `±${Math.round(ms / 1000)} s`;
}

/** The map under `k` in a map of maps, created when missing. */
export function innerMap<K, K2, V>(m: Map<K, Map<K2, V>>, k: K): Map<K2, V> {
  let inner = m.get(k);
  if (!inner) {
    inner = new Map();
    m.set(k, inner);
  }
  return inner;
}

/** Adds `v` to the set at `k`, creating it when missing. */
export function addToSet<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

/**
 * `s` as one flat string. V8 keeps a concatenation such as `token:${fp}` as a rope of its parts;
 * every hash, comparison and sort of it then walks the rope. Ids are built once and hashed and
 * compared millions of times, so they are flattened where they are made (reading a character
 * flattens the rope in place; elsewhere this costs one character read).
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** Appends `v` to the list at `k` (in place: copying the list per append is quadratic on big cases). */
export function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

export function sortedUnique(xs: Iterable<string>): string[] {
  // Most are sets of none or one (a pilot's ARC ids, a payload's VOs): no copies for those.
  if (xs instanceof Set) return xs.size === 0 ? [] : xs.size === 1 ? [xs.values().next().value as string] : [...xs].sort();
  return [...new Set(xs)].sort();
}

/** True when [a0,a1] and [b0,b1] overlap once widened by `slack`. */
export function overlaps(a0: number, a1: number, b0: number, b1: number, slack: number): boolean {
  return a0 <= b1 + slack && b0 <= a1 + slack;
}

/** Pilot is running at some point of [t0,t1] (± slack). */
export function pilotActive(p: { start?: number; end?: number }, t0: number, t1: number, slack: number): boolean {
  if (p.start === undefined) return false;
  return overlaps(p.start, p.end ?? p.start, t0, t1, slack);
}

/** Short form of a token for answers: fingerprint prefix, else jti. */
export function tokenLabel(t: TokenRec): string {
  return t.fp ? t.fp.slice(0, 16) : `jti=${t.jti}`;
}

export const TOKEN_USE_KINDS = new Set<TgEvent['kind']>(['token.use', 'storage.access', 'transfer', 'http.request', 'token.reject']);
/** Kinds a worker node writes about the job running on it. */
export const WN_KINDS = new Set<TgEvent['kind']>(['job.start', 'job.end', 'pilot.start', 'pilot.end', 'payload.start', 'payload.end', 'log', 'token.exposure']);
