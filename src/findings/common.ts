/**
 * What every misuse rule needs: the token's people (identity, pilots, payloads), evidence pointers,
 * and containment steps in words an operator can act on.
 */
import { evidenceLines, fmtTime, type Graph, sortedUnique, type TokenRec, tokenLabel } from '../correlate/graph';
import { hostsAt } from '../correlate/netmap';
import { joinedTo } from '../correlate/queries';
import type { Evidence } from '../model/finding';

export const MISUSE_SOURCE = 'tokentrail misuse rules; containment per WLCG Token Trust & Traceability WG (no central banning: revoke/suspend at the issuer, ban locally), minutes of 25 Jun 2024';

export interface TokenPeople {
  user: string;
  sub?: string;
  iss?: string;
  pilots: string[];
  payloads: string[];
  ces: string[];
  entities: string[];
  joinEvidence: number[];
}

export function peopleOf(g: Graph, t: TokenRec): TokenPeople {
  const idn = t.identity ? g.identities.get(t.identity) : undefined;
  const j = joinedTo(g, t.id);
  // The token's own people first; payload owners only when no line maps the subject to a name.
  const own = sortedUnique(idn?.users ?? []);
  const users = own.length ? own : sortedUnique(j.payloads.flatMap((p) => [...p.users]));
  return {
    user: users.join(', ') || t.sub || 'an unknown user',
    sub: t.sub,
    iss: t.iss ?? (idn?.iss || undefined),
    pilots: sortedUnique(j.pilots.map((p) => p.key)),
    payloads: sortedUnique(j.payloads.map((p) => p.key)),
    ces: sortedUnique(j.pilots.flatMap((p) => [...p.ces])),
    entities: sortedUnique([t.id, ...(t.identity ? [t.identity] : []), ...j.pilots.map((p) => p.id), ...j.payloads.map((p) => p.id)]),
    joinEvidence: j.evidence,
  };
}

export function evidence(g: Graph, idx: Iterable<number>, max = 20): Evidence[] {
  return evidenceLines(g.events, idx, max);
}

export function revokeStep(t: TokenRec, p: TokenPeople): string {
  const iss = p.iss ?? 'the issuer';
  if (t.jti) return `Revoke at ${iss} the token jti=${t.jti}${p.sub ? ` (or suspend subject ${p.sub})` : ''}`;
  return `Revoke at ${iss} the tokens of subject ${p.sub ?? '(unknown subject)'} (no jti recorded; token fingerprint ${tokenLabel(t)})`;
}

export function banStep(sub: string | undefined, services: string[]): string | undefined {
  if (!sub || services.length === 0) return undefined;
  return `Ban subject ${sub} at ${services.join(', ')} until the issuer has revoked it`;
}

export function killStep(p: TokenPeople): string | undefined {
  if (p.pilots.length === 0) return undefined;
  return `Kill pilots ${p.pilots.join(', ')}${p.ces.length ? ` on ${p.ces.join(', ')}` : ''}${p.payloads.length ? ` (payloads ${p.payloads.join(', ')})` : ''}`;
}

/** Hosts (not services) an IP belonged to at a time; the IP itself when nothing maps it. */
export function clientOf(g: Graph, ip: string, ts: number): string[] {
  return ipAt(g, ip, ts).clients;
}

/** True when the IP belonged to a service host (CE, storage, FTS...) at that time: not a client. */
export function isServiceIp(g: Graph, ip: string, ts: number): boolean {
  return ipAt(g, ip, ts).service;
}

interface IpAt {
  /** Non-service hosts behind the IP then (sorted), or `ip <ip>` when none. */
  clients: string[];
  service: boolean;
}

/**
 * Which hosts an IP stood for at `ts` changes only where one of its spans starts or ends, so the
 * answer is kept per IP and stretch between such times: the rules ask it for every token use, and
 * a NAT IP has hundreds of spans.
 */
interface IpStretches {
  starts: number[];
  ends: number[];
  memo: Map<number, IpAt>;
}
const stretchesOf = new WeakMap<Graph, Map<string, IpStretches>>();

/** Number of sorted `xs` that are < x (or ≤ x with `orEqual`). */
function countBelow(xs: number[], x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x || (orEqual && xs[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ipAt(g: Graph, ip: string, ts: number): IpAt {
  let byIp = stretchesOf.get(g);
  if (!byIp) {
    byIp = new Map();
    stretchesOf.set(g, byIp);
  }
  const slack = g.settings.clockToleranceMs ?? 0;
  let st = byIp.get(ip);
  if (!st) {
    const spans = g.spansByIp.get(ip) ?? [];
    st = { starts: spans.map((s) => s.from - slack).sort((a, b) => a - b), ends: spans.map((s) => s.to + slack).sort((a, b) => a - b), memo: new Map() };
    byIp.set(ip, st);
  }
  // The spans active at ts are those started (start ≤ ts) and not yet ended (end ≥ ts): fixed by the two counts.
  const key = countBelow(st.starts, ts, true) * (st.ends.length + 1) + countBelow(st.ends, ts, false);
  let hit = st.memo.get(key);
  if (!hit) {
    const spans = hostsAt(g.spansByIp, ip, ts, ts, slack);
    const hosts = spans.map((s) => s.host).filter((h) => !g.serviceHosts.has(h));
    hit = { clients: hosts.length ? sortedUnique(hosts) : [`ip ${ip}`], service: spans.some((s) => g.serviceHosts.has(s.host)) };
    st.memo.set(key, hit);
  }
  return hit;
}

export function times(g: Graph, idx: number[]): string {
  const ts = sortedUnique(idx.map((i) => fmtTime(g.events[i]!.time.ts)));
  return ts.length > 3 ? `${ts.slice(0, 3).join(', ')} and ${ts.length - 3} more` : ts.join(', ');
}

export function writes(t: TokenRec): boolean {
  return (t.info?.scopes ?? []).some((s) => /modify|create|write|delete/.test(s.action));
}
