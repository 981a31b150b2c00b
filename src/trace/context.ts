/**
 * Shared building blocks of the questions: who was behind an IP in a time window, and a pilot or
 * payload turned into a candidate with its evidence.
 */
import { evidenceLines, fmtTime, type Graph, type IpHostSpan, type PayloadRec, type PilotRec, pilotActive, pushTo, sortedUnique, TOKEN_USE_KINDS, tokenLabel } from '../correlate/graph';
import { hostsAt, ipsAt } from '../correlate/netmap';
export { joinedTo } from '../correlate/queries';
import type { Confidence } from '../model/entity';
import type { Evidence } from '../model/finding';
import type { TraceCandidate } from '../model/trace';

export interface Window {
  t0: number;
  t1: number;
  slack: number;
}

export interface Behind {
  spans: IpHostSpan[];
  /** Pilots running on a host the IP mapped to (or stating the IP) during the window. */
  pilots: PilotRec[];
  /** Events whose client IP is this IP in the window (token uses, logins...). */
  direct: number[];
  gaps: string[];
  shared: boolean;
}

/** Event positions in [t0 - slack, t1 + slack] (events are time-ordered). */
export function eventsInWindow(g: Graph, w: Window): [number, number] {
  const lo = w.t0 - w.slack;
  const hi = w.t1 + w.slack;
  let a = 0;
  let b = g.events.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (g.events[m]!.time.ts < lo) a = m + 1;
    else b = m;
  }
  let c = a;
  let d = g.events.length;
  while (c < d) {
    const m = (c + d) >>> 1;
    if (g.events[m]!.time.ts <= hi) c = m + 1;
    else d = m;
  }
  return [a, c];
}

export function behindIp(g: Graph, ip: string, w: Window): Behind {
  const gaps: string[] = [];
  const spans = hostsAt(g.spansByIp, ip, w.t0, w.t1, w.slack);
  const hosts = new Set(spans.map((s) => s.host));
  const pilots = [...g.pilots.values()].filter((p) => pilotActive(p, w.t0, w.t1, w.slack) && ([...p.hosts].some((h) => hosts.has(h.toLowerCase())) || p.statedIps.has(ip)));
  const [a, b] = eventsInWindow(g, w);
  const direct: number[] = [];
  // Lines from this IP, and lines naming as client a node that held this IP then (XRootD logs the
  // client host name, not its address).
  const nodeNames = new Set<string>();
  for (const h of hosts) {
    nodeNames.add(h);
    nodeNames.add(h.split('.')[0]!);
  }
  for (let i = a; i < b; i++) {
    const e = g.events[i]!;
    if (e.kind === 'net.map') continue;
    if (e.ids.ip === ip || (e.ids.ip === undefined && e.ids.clientHost !== undefined && nodeNames.has(e.ids.clientHost.toLowerCase()))) direct.push(i);
  }
  if (a === b) gaps.push(`no log line in the case falls within ${fmtTime(w.t0)}–${fmtTime(w.t1)} (±${Math.round(w.slack / 1000)} s)`);
  if (spans.length === 0 && !pilots.length) gaps.push(`no hosts, DHCP or NAT record maps ${ip} to a host at that time, and no pilot log states it`);
  for (const h of [...hosts].sort()) if (!pilots.some((p) => p.hosts.has(h)) && !g.serviceHosts.has(h)) gaps.push(`${ip} mapped to ${h}, but no batch or pilot log shows a job running there at that time`);
  for (const p of pilots) if (!p.endKnown) gaps.push(`pilot ${p.key} has no end record; its lifetime is taken to end at its last line (${fmtTime(p.end ?? p.start ?? 0)})`);
  return { spans, pilots: pilots.sort((x, y) => (x.key < y.key ? -1 : 1)), direct, gaps, shared: new Set(spans.map((s) => s.host)).size > 1 };
}

/** Payloads of a pilot running in the window. */
export function payloadsIn(g: Graph, p: PilotRec, w: Window): PayloadRec[] {
  return [...p.payloads].map((k) => g.payloads.get(k)!).filter((pl) => pl.start !== undefined && pl.start - w.slack <= w.t1 && w.t0 <= (pl.end ?? pl.start) + w.slack).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Tokens joined to a pilot or payload. */
export function tokensOf(g: Graph, targetIds: Set<string>): string[] {
  const out = new Set<string>();
  for (const t of targetIds) for (const j of g.joinsByTarget.get(t) ?? []) out.add(j.token);
  return [...out].sort();
}

export function uniqEvidence(g: Graph, idx: Iterable<number>, max = 12): Evidence[] {
  return evidenceLines(g.events, idx, max);
}

/**
 * GlobalJobIds of the job that ran: a CE-side id (`schedd#<CE job>#…`) is left out when the pilot
 * has a routed batch job, whose own GlobalJobId is the one sites and VOs quote.
 */
export function routedGlobalIds(p: PilotRec): string[] {
  return [...p.globalJobIds].filter((gj) => {
    const mid = gj.split('#')[1];
    return !(mid && p.ceJobIds.has(mid) && !p.batchJobIds.has(mid) && p.batchJobIds.size > 0);
  });
}

/** Private (RFC 1918, ULA, link-local) addresses: what a node is called inside the site only. */
export function isPrivateIp(ip: string): boolean {
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|f[cd][0-9a-f]{2}:|fe80:)/i.test(ip);
}

/** A pilot (and the payloads of it that matter) as one candidate answer. */
export function pilotCandidate(g: Graph, p: PilotRec, payloads: PayloadRec[], w: Window, confidence: Confidence, reason: string | undefined, extra: number[] = [], spans: IpHostSpan[] = []): TraceCandidate {
  const ips = new Set<string>(p.statedIps.keys());
  for (const h of p.hosts) for (const s of ipsAt(g.spansByHost, h.toLowerCase(), Math.max(w.t0, p.start ?? w.t0), Math.min(w.t1, p.end ?? w.t1), w.slack)) ips.add(s.ip);
  const targets = new Set([p.id, ...payloads.map((x) => x.id)]);
  const tokens = tokensOf(g, targets).map((id) => tokenLabel(g.tokens.get(id)!));
  const users = new Set<string>();
  for (const pl of payloads) for (const u of pl.users) users.add(u);
  const pick = (kinds: string[]) => p.events.filter((i) => kinds.includes(g.events[i]!.kind));
  const ev = [
    ...extra,
    ...pick(['job.submit', 'job.route']).slice(0, 2),
    ...pick(['job.start', 'pilot.start', 'job.record']).slice(0, 3),
    ...payloads.flatMap((pl) => pl.events.filter((i) => g.events[i]!.kind === 'payload.start').slice(0, 1)),
    ...spans.filter((s) => p.hosts.has(s.host)).flatMap((s) => s.evidence.slice(0, 1)),
    ...pick(['job.end', 'pilot.end']).slice(0, 1),
  ];
  const vo = sortedUnique([...p.vos, ...payloads.flatMap((x) => [...x.vos])])[0];
  return {
    ...(vo ? { vo } : {}),
    jobIds: sortedUnique([...p.ceJobIds, ...p.batchJobIds, ...routedGlobalIds(p), ...p.arcJobIds]),
    pilotIds: sortedUnique([p.key, ...p.pilotIds]),
    payloadIds: payloads.map((x) => x.key),
    users: sortedUnique(users),
    ips: sortedUnique(ips),
    tokens: sortedUnique(tokens),
    hosts: sortedUnique(p.hosts),
    confidence,
    ...(reason ? { reason } : {}),
    evidence: uniqEvidence(g, ev),
  };
}

/** Tokens (ids) named by token-use events among `idx`. */
export function tokensUsed(g: Graph, idx: number[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const i of idx) {
    if (!TOKEN_USE_KINDS.has(g.events[i]!.kind)) continue;
    for (const t of g.eventTokens[i]!) pushTo(m, t, i);
  }
  return m;
}

