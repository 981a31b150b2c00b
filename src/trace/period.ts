/**
 * S3 (period + VO [+ job] → IPs) and V3 (time + user → every pilot that ran the user's payloads).
 */
import { type Graph, type PayloadRec, type PilotRec, pilotActive, pushTo, sortedUnique, TOKEN_USE_KINDS } from '../correlate/graph';
import type { TraceAnswer, TraceQuery } from '../model/trace';
import { eventsInWindow, isPrivateIp, pilotCandidate, uniqEvidence, type Window } from './context';
import { windowOf } from './site-vo';

/** Default half-width of V3's window around `at` when neither `until` nor a window is given. */
export const V3_DEFAULT_WINDOW_MS = 24 * 3600_000;

function fmt(ts: number): string {
  return new Date(ts).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function jobMatches(p: PilotRec, job: string): boolean {
  return [p.ceJobIds, p.batchJobIds, p.globalJobIds, p.pilotIds, p.arcJobIds].some((s) => s.has(job)) || p.payloads.has(job);
}

export function traceVoPeriod(g: Graph, q: TraceQuery): TraceAnswer {
  const w = windowOf(g, q);
  const vo = q.vo!.toLowerCase();
  const gaps: string[] = [];
  const pilots = [...g.pilots.values()].filter((p) => (p.vos.has(vo) || [...p.payloads].some((k) => g.payloads.get(k)!.vos.has(vo))) && pilotActive(p, w.t0, w.t1, w.slack) && (!q.job || jobMatches(p, q.job)));
  const cands = pilots.sort((a, b) => (a.key < b.key ? -1 : 1)).map((p) => {
    const pls = [...p.payloads].map((k) => g.payloads.get(k)!).filter((pl) => pl.start !== undefined && pl.start - w.slack <= w.t1 && w.t0 <= (pl.end ?? pl.start) + w.slack);
    const c = pilotCandidate(g, p, pls, w, 'certain', undefined);
    // The addresses the outside saw: a node's private address only when it has no public one.
    const pub = c.ips.filter((ip) => !isPrivateIp(ip));
    return pub.length ? { ...c, ips: pub } : c;
  });
  for (const c of cands) if (c.ips.length === 0) gaps.push(`no record gives an IP for ${c.hosts.join(', ') || 'the node'} of pilot ${c.pilotIds[0]}`);
  // IPs the VO's subjects used their tokens from that are not any of those pilots' nodes.
  const pilotIps = new Set(cands.flatMap((c) => c.ips));
  const [a, b] = eventsInWindow(g, w);
  const outside = new Map<string, number[]>();
  for (let i = a; i < b; i++) {
    const e = g.events[i]!;
    if (!TOKEN_USE_KINDS.has(e.kind) || !e.ids.ip || pilotIps.has(e.ids.ip)) continue;
    const idn = g.eventIdentity[i] ? g.identities.get(g.eventIdentity[i]!) : undefined;
    const isVo = e.ids.vo?.toLowerCase() === vo || idn?.vos.has(vo);
    const nodeOfSite = (g.spansByIp.get(e.ids.ip) ?? []).length > 0;
    if (isVo && !nodeOfSite && !e.ids.session?.startsWith('cid:')) pushTo(outside, e.ids.ip, i);
  }
  if (outside.size) {
    const ev = [...outside.values()].flatMap((x) => x.slice(0, 2));
    cands.push({ vo, jobIds: [], pilotIds: [], payloadIds: [], users: sortedUnique(ev.flatMap((i) => { const idn = g.eventIdentity[i] ? g.identities.get(g.eventIdentity[i]!) : undefined; return idn ? [...idn.users] : []; })), ips: sortedUnique(outside.keys()), tokens: [], hosts: [], confidence: 'inferred', reason: `tokens of ${vo} subjects were used from these IPs, which are no node of the site and ran no ${vo} pilot`, evidence: uniqEvidence(g, ev) });
  }
  if (cands.length === 0) gaps.push(`no ${vo} pilot in the case ran between ${fmt(w.t0)} and ${fmt(w.t1)}`);
  const ips = sortedUnique(cands.flatMap((c) => c.ips));
  const text = `Between ${fmt(w.t0)} and ${fmt(w.t1)} (±${Math.round(w.slack / 60000)} min), ${vo}${q.job ? ` job ${q.job}` : ''} used ${ips.length ? ips.join(', ') : 'no IP the evidence shows'}: ${cands.map((c) => (c.pilotIds.length ? `pilot ${c.pilotIds[0]} on ${c.hosts.join(', ')} → ${c.ips.join(', ') || 'IP unknown'}` : `outside the site: ${c.ips.join(', ')}`)).join('; ')}.`;
  return { question: 'S3', query: q, candidates: cands, ambiguous: false, gaps: sortedUnique(gaps), explanation: text, clockToleranceMs: g.settings.clockToleranceMs };
}

/** Payloads belonging to a user given by name or subject (directly or through a mapped identity). */
export function payloadsOfUser(g: Graph, user: string): PayloadRec[] {
  const subs = new Set<string>([user]);
  const names = new Set<string>([user]);
  for (const idn of g.identities.values()) {
    if (idn.sub === user) for (const u of idn.users) names.add(u);
    if (idn.users.has(user)) subs.add(idn.sub);
  }
  return [...g.payloads.values()].filter((p) => [...p.users].some((u) => names.has(u) || subs.has(u)) || [...p.subs].some((s) => subs.has(s)));
}

export function traceUser(g: Graph, q: TraceQuery): TraceAnswer {
  const half = q.windowMs ?? V3_DEFAULT_WINDOW_MS;
  const w: Window = { t0: q.at! - (q.until ? 0 : half), t1: q.until ?? q.at! + half, slack: g.settings.clockToleranceMs };
  const gaps: string[] = [];
  const pls = payloadsOfUser(g, q.user!).filter((pl) => pl.start !== undefined && pl.start - w.slack <= w.t1 && w.t0 <= (pl.end ?? pl.start) + w.slack);
  const byPilot = new Map<string, PayloadRec[]>();
  for (const pl of pls) {
    if (!pl.pilot) {
      gaps.push(`payload ${pl.key} of ${q.user} is not joined to any pilot (no line names both and no single pilot ran on its node then)`);
      continue;
    }
    pushTo(byPilot, pl.pilot, pl);
  }
  const cands = [...byPilot.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pk, list]) => {
    const conf = list.every((x) => x.pilotLink?.confidence === 'certain') ? 'certain' : 'inferred';
    return pilotCandidate(g, g.pilots.get(pk)!, list, w, conf, list.find((x) => x.pilotLink?.reason)?.pilotLink?.reason);
  });
  if (pls.length === 0) gaps.push(`no payload of ${q.user} in the case ran between ${fmt(w.t0)} and ${fmt(w.t1)}`);
  const text = `Between ${fmt(w.t0)} and ${fmt(w.t1)}${q.until || q.windowMs ? '' : ' (±24 h around the given time)'}, the payloads of ${q.user} ran on ${cands.length} pilot job${cands.length === 1 ? '' : 's'}: ${cands.map((c) => `pilot ${c.pilotIds[0]} (jobs ${c.jobIds.join(', ')}) on ${c.hosts.join(', ')} ran ${c.payloadIds.join(', ')} [evidence: ${c.evidence.slice(0, 2).map((e) => `${e.input}:${e.line}`).join('; ')}]`).join('; ') || 'none found'}.`;
  return { question: 'V3', query: q, candidates: cands, ambiguous: false, gaps: sortedUnique(gaps), explanation: text, clockToleranceMs: g.settings.clockToleranceMs };
}
