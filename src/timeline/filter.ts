/**
 * Timeline filters: time range, entities (matching every event linked to them), kind, source,
 * text, severity. `filterTimeline` uses the index; `filterTimelineNaive` scans every event with the
 * same semantics (the benchmark baseline, and the oracle the tests compare against).
 */
import type { Graph } from '../correlate/graph';
import { eventRefs } from '../correlate/refs';
import type { EventKind, TgEvent } from '../model/event';
import { type Severity, severityRank } from '../model/severity';
import { intersectSorted, lowerBound, type TimelineIndex, unionSorted, upperBound } from './index-build';

export interface TimelineFilter {
  /** UTC ms, inclusive. */
  from?: number;
  to?: number;
  /** Entity ids (`pilot:…`, `ip:…`) or raw identifiers (`user:alice`, a jti, an IP, a job id). An event matches when it is linked to any of them. */
  entities?: string[];
  kinds?: EventKind[];
  /** Parser ids or input paths. */
  sources?: string[];
  /** Case-insensitive substring of the redacted line or summary. */
  text?: string;
  /** Lowest severity to keep (events without severity count as `info`). */
  minSeverity?: Severity;
}

/**
 * Posting keys an entity stands for: itself, plus what is linked to it so that pivoting on a user,
 * token or pilot brings all of its story — an identity brings its mapped user names, tokens and
 * payloads; a pilot brings its payloads; a raw identifier is resolved to the entities it names.
 */
export function expandEntity(g: Graph, ref: string): string[] {
  const keys = new Set<string>();
  const add = (id: string) => {
    if (keys.has(id)) return;
    keys.add(id);
    if (id.startsWith('identity:')) {
      const idn = g.identities.get(id);
      for (const u of idn?.users ?? []) keys.add(`user:${u}`);
      for (const t of g.tokens.values()) if (t.identity === id) keys.add(t.id);
      for (const p of g.payloads.values()) if (p.subs.has(idn?.sub ?? '\0') || [...(idn?.users ?? [])].some((u) => p.users.has(u))) keys.add(p.id);
    } else if (id.startsWith('pilot:')) {
      for (const k of g.pilots.get(id.slice(6))?.payloads ?? []) keys.add(`payload:${k}`);
    } else if (id.startsWith('user:')) {
      const u = id.slice(5);
      for (const idn of g.identities.values()) if (idn.users.has(u) || idn.sub === u) add(idn.id);
      for (const p of g.payloads.values()) if (p.users.has(u) || p.subs.has(u)) keys.add(p.id);
    }
  };
  if (/^(token|identity|vo|pilot|payload|host|ip|endpoint|user):/.test(ref)) add(ref);
  else {
    // A raw identifier: anything it could name.
    const r = ref.trim();
    for (const pre of ['pilot', 'gjid', 'batch', 'ce', 'arc']) {
      const pk = g.pilotByJob.get(`${pre}:${r}`);
      if (pk) add(`pilot:${pk}`);
    }
    if (g.payloads.has(r)) add(`payload:${r}`);
    for (const t of g.tokens.values()) if (t.jti === r || (r.length >= 8 && t.fp?.startsWith(r.toLowerCase()))) add(t.id);
    for (const idn of g.identities.values()) if (idn.sub === r) add(idn.id);
    add(`ip:${r}`);
    add(`host:${r.toLowerCase()}`);
    add(`user:${r}`);
  }
  return [...keys].sort();
}

function sevOk(e: TgEvent, min: number): boolean {
  return severityRank(e.severity ?? 'info') >= min;
}

function textOk(e: TgEvent, needle: string): boolean {
  return e.text.toLowerCase().includes(needle) || (e.summary?.toLowerCase().includes(needle) ?? false);
}

/** Positions (into `index.events`, time-ordered) of the events matching the filter. */
export function filterTimeline(index: TimelineIndex, f: TimelineFilter): Uint32Array {
  const dims: Uint32Array[] = [];
  const list = (keys: string[]) => unionSorted(keys.map((k) => index.postings.get(k)).filter((x): x is Uint32Array => x !== undefined));
  if (f.entities?.length) dims.push(list(f.entities.flatMap((r) => expandEntity(index.graph, r))));
  if (f.kinds?.length) dims.push(list(f.kinds.map((k) => `kind:${k}`)));
  if (f.sources?.length) dims.push(list(f.sources.flatMap((s) => [`parser:${s}`, `input:${s}`])));
  const lo = f.from === undefined ? 0 : lowerBound(index.ts, f.from);
  const hi = f.to === undefined ? index.ts.length : upperBound(index.ts, f.to);
  let cand: Uint32Array;
  if (dims.length === 0) {
    cand = new Uint32Array(Math.max(0, hi - lo));
    for (let i = 0; i < cand.length; i++) cand[i] = lo + i;
  } else {
    dims.sort((a, b) => a.length - b.length);
    cand = dims[0]!;
    for (let d = 1; d < dims.length && cand.length; d++) cand = intersectSorted(cand, dims[d]!);
    // Positions are time-ordered: the range is a contiguous slice of the candidate list.
    let a = 0;
    while (a < cand.length && cand[a]! < lo) a++;
    let b = cand.length;
    while (b > a && cand[b - 1]! >= hi) b--;
    cand = cand.subarray(a, b);
  }
  const needle = f.text?.toLowerCase();
  const min = f.minSeverity ? severityRank(f.minSeverity) : 0;
  if (!needle && min === 0) return cand;
  const out = new Uint32Array(cand.length);
  let w = 0;
  for (const i of cand) {
    const e = index.events[i]!;
    if ((min === 0 || sevOk(e, min)) && (!needle || textOk(e, needle))) out[w++] = i;
  }
  return out.subarray(0, w);
}

/** Same answer as `filterTimeline`, by scanning every event (baseline and test oracle). */
export function filterTimelineNaive(g: Graph, f: TimelineFilter): Uint32Array {
  const keys = f.entities?.length ? new Set(f.entities.flatMap((r) => expandEntity(g, r))) : undefined;
  const kinds = f.kinds?.length ? new Set(f.kinds) : undefined;
  const sources = f.sources?.length ? new Set(f.sources) : undefined;
  const needle = f.text?.toLowerCase();
  const min = f.minSeverity ? severityRank(f.minSeverity) : 0;
  const out: number[] = [];
  const refs: string[] = [];
  for (let i = 0; i < g.events.length; i++) {
    const e = g.events[i]!;
    if (f.from !== undefined && e.time.ts < f.from) continue;
    if (f.to !== undefined && e.time.ts > f.to) continue;
    if (kinds && !kinds.has(e.kind)) continue;
    if (sources && !sources.has(e.src.parser) && !sources.has(e.src.input)) continue;
    if (min && !sevOk(e, min)) continue;
    if (needle && !textOk(e, needle)) continue;
    if (keys) {
      let nRefs = eventRefs(e, i, g, refs);
      if (e.ids.user) refs[nRefs++] = `user:${e.ids.user}`;
      let hit = false;
      for (let k = 0; k < nRefs && !hit; k++) hit = keys.has(refs[k]!);
      if (!hit) continue;
    }
    out.push(i);
  }
  return Uint32Array.from(out);
}
