/**
 * Misuse rules over the token ↔ pilot ↔ payload graph:
 * - `misuse.foreign-ip`: used from an IP where none of its pilots ran (likely stolen);
 * - `misuse.after-payload`: used after every payload it belongs to had ended;
 * - `misuse.multi-host`: one token used from several client hosts;
 * - `misuse.cross-user-token`: a user's token in another user's payload.
 */
import { fmtTime, fmtTolerance, type Graph, type PayloadRec, type PilotRec, pushTo, sortedUnique, TOKEN_USE_KINDS, type TokenRec, tokenLabel } from '../correlate/graph';
import { payloadMatchesToken } from '../correlate/joins';
import { UnionFind } from '../correlate/union-find';
import { joinedTo, pilotIps } from '../correlate/queries';
import type { Finding } from '../model/finding';
import { banStep, clientOf, evidence, isServiceIp, killStep, MISUSE_SOURCE, peopleOf, revokeStep, times, writes } from './common';

/** Lines where the token was presented by a client (not the CE's own submission records). */
function clientUses(g: Graph, t: TokenRec): number[] {
  return t.events.filter((i) => {
    const e = g.events[i]!;
    return TOKEN_USE_KINDS.has(e.kind) && e.kind !== 'token.reject' && e.ids.ip !== undefined && g.eventPilot[i] === undefined;
  });
}

/** Pilots that ran the payloads of the token's subject (for a token no line ties to a job). */
function subjectPilots(g: Graph, t: TokenRec): PilotRec[] {
  const idn = t.identity ? g.identities.get(t.identity) : undefined;
  if (!idn) return [];
  const ix = payloadIndex(g);
  // Payloads naming the subject (as subject or user) or one of the accounts it maps to, in graph order.
  const hits = new Set<PayloadRec>(ix.byName.get(idn.sub) ?? []);
  for (const u of idn.users) for (const pl of ix.byName.get(u) ?? []) if (pl.users.has(u)) hits.add(pl);
  const out = new Map<string, PilotRec>();
  for (const pl of [...hits].sort((a, b) => ix.order.get(a)! - ix.order.get(b)!)) {
    const p = pl.pilot ? g.pilots.get(pl.pilot) : undefined;
    if (p) out.set(p.key, p);
  }
  return [...out.values()];
}

/** Payloads by every subject and user name they carry, and their position in the graph (asked once per token). */
const payloadIndexes = new WeakMap<Graph, { byName: Map<string, PayloadRec[]>; order: Map<PayloadRec, number> }>();
function payloadIndex(g: Graph): { byName: Map<string, PayloadRec[]>; order: Map<PayloadRec, number> } {
  let ix = payloadIndexes.get(g);
  if (!ix) {
    ix = { byName: new Map(), order: new Map() };
    for (const pl of g.payloads.values()) {
      ix.order.set(pl, ix.order.size);
      if (!pl.pilot) continue;
      for (const k of new Set([...pl.subs, ...pl.users])) pushTo(ix.byName, k, pl);
    }
    payloadIndexes.set(g, ix);
  }
  return ix;
}

function foreignIp(g: Graph, t: TokenRec): Finding | undefined {
  let j = joinedTo(g, t.id);
  let viaSubject = false;
  if (j.pilots.length === 0) {
    // No line ties this token to a job (e.g. minted from a stolen refresh token): judge it against
    // where its subject's jobs ran, and only from addresses the site maps to none of its hosts.
    const sp = subjectPilots(g, t);
    if (sp.length === 0) return undefined;
    j = { ...j, pilots: sp };
    viaSubject = true;
  }
  const allowed = new Set<string>();
  const hosts = new Set<string>();
  for (const p of j.pilots) {
    for (const ip of pilotIps(g, p)) allowed.add(ip);
    for (const h of p.hosts) hosts.add(h.toLowerCase());
  }
  const foreign = clientUses(g, t).filter((i) => {
    const e = g.events[i]!;
    const ip = e.ids.ip!;
    if (allowed.has(ip) || isServiceIp(g, ip, e.time.ts)) return false;
    if (viaSubject && (g.spansByIp.get(ip) ?? []).length > 0) return false;
    return !clientOf(g, ip, e.time.ts).some((h) => hosts.has(h));
  });
  if (foreign.length === 0) return undefined;
  const p = peopleOf(g, t);
  const ips = sortedUnique(foreign.map((i) => g.events[i]!.ids.ip!));
  const services = sortedUnique(foreign.map((i) => g.events[i]!.ids.host).filter((h): h is string => Boolean(h)));
  const ops = sortedUnique(foreign.map((i) => g.events[i]!.ids.op).filter((o): o is string => Boolean(o)));
  const damaging = ops.some((o) => /write|delete|tpc|mkdir/.test(o)) || writes(t);
  const pilotDesc = j.pilots.map((x) => `${x.key} on ${[...x.hosts].join(', ') || 'an unknown node'} (${[...pilotIps(g, x)].sort().join(', ') || 'IP unknown'})`).join('; ');
  return {
    id: `misuse.foreign-ip:${t.key}`,
    rule: 'misuse.foreign-ip',
    severity: damaging ? 'critical' : 'high',
    title: `Token of ${p.user} used from ${ips.join(', ')}, where none of its pilots ran (likely stolen)`,
    explanation: `Token ${tokenLabel(t)}${t.jti ? ` (jti ${t.jti})` : ''} issued by ${p.iss ?? 'an unknown issuer'} to ${p.user}${p.sub ? ` (sub ${p.sub})` : ''} ${viaSubject ? 'is tied to no job by any line; its subject\'s payloads ran on pilot' : 'belongs to pilot'} ${pilotDesc}${p.payloads.length ? ` running payload ${p.payloads.join(', ')}` : ''}, but was used from ${ips.join(', ')} at ${times(g, foreign)}${ops.length ? ` (${ops.join(', ')})` : ''} at ${services.join(', ') || 'a service'}.`,
    source: MISUSE_SOURCE,
    entities: sortedUnique([...p.entities, ...ips.map((ip) => `ip:${ip}`)]),
    evidence: evidence(g, [...foreign, ...p.joinEvidence]),
    containment: [revokeStep(t, p), banStep(p.sub, services), killStep(p), `Block ${ips.join(', ')} at the site perimeter and ask its owner for logs`].filter((x): x is string => Boolean(x)),
  };
}

function afterPayload(g: Graph, t: TokenRec): Finding | undefined {
  const j = joinedTo(g, t.id);
  if (j.payloads.length === 0 || j.payloads.some((pl) => !pl.endKnown)) return undefined;
  const tol = g.settings.clockToleranceMs;
  const lastEnd = Math.max(...j.payloads.map((pl) => pl.end!));
  const late = clientUses(g, t).filter((i) => g.events[i]!.time.ts > lastEnd + tol);
  if (late.length === 0) return undefined;
  const p = peopleOf(g, t);
  const services = sortedUnique(late.map((i) => g.events[i]!.ids.host).filter((h): h is string => Boolean(h)));
  const endEvents = j.payloads.flatMap((pl) => pl.events.filter((i) => g.events[i]!.kind === 'payload.end'));
  return {
    id: `misuse.after-payload:${t.key}`,
    rule: 'misuse.after-payload',
    severity: 'high',
    title: `Token of ${p.user} used after its payload ended`,
    explanation: `Payload ${p.payloads.join(', ')} of ${p.user} ended at ${fmtTime(lastEnd)}, but its token ${tokenLabel(t)} was used again at ${times(g, late)} from ${sortedUnique(late.map((i) => g.events[i]!.ids.ip!)).join(', ')} (beyond the ${fmtTolerance(tol)} clock tolerance).`,
    source: MISUSE_SOURCE,
    entities: sortedUnique([...p.entities, ...late.map((i) => `ip:${g.events[i]!.ids.ip}`)]),
    evidence: evidence(g, [...late, ...endEvents]),
    containment: [revokeStep(t, p), banStep(p.sub, services)].filter((x): x is string => Boolean(x)),
  };
}

/**
 * Token uses grouped by client: uses whose host sets overlap (a NAT IP and the node behind it)
 * are one client. Groups come in the order of their last use, each with its uses newest first.
 * Uses are first grouped by their (shared, memoised) host list, so a token used a thousand times
 * from one NAT IP costs one set of hosts, not a thousand.
 */
function clientGroups(g: Graph, uses: number[]): { hosts: Set<string>; events: number[] }[] {
  const lists = new Map<string[], number[]>();
  for (const i of uses) {
    const e = g.events[i]!;
    pushTo(lists, clientOf(g, e.ids.ip!, e.time.ts), i);
  }
  const hostLists = [...lists.keys()];
  const uf = new UnionFind<number>();
  const listOfHost = new Map<string, number>();
  hostLists.forEach((hs, k) => {
    for (const h of hs) {
      const other = listOfHost.get(h);
      if (other === undefined) listOfHost.set(h, k);
      else uf.union(k, other);
    }
  });
  const byRoot = new Map<number, { hosts: Set<string>; events: number[] }>();
  hostLists.forEach((hs, k) => {
    const r = uf.find(k);
    let grp = byRoot.get(r);
    if (!grp) {
      grp = { hosts: new Set(), events: [] };
      byRoot.set(r, grp);
    }
    for (const h of hs) grp.hosts.add(h);
    for (const i of lists.get(hs)!) grp.events.push(i);
  });
  const groups = [...byRoot.values()];
  for (const grp of groups) grp.events.sort((a, b) => b - a);
  return groups.sort((a, b) => a.events[0]! - b.events[0]!);
}

function multiHost(g: Graph, t: TokenRec): Finding | undefined {
  const uses = clientUses(g, t).filter((i) => !isServiceIp(g, g.events[i]!.ids.ip!, g.events[i]!.time.ts));
  const groups = clientGroups(g, uses);
  if (groups.length < 2) return undefined;
  const p = peopleOf(g, t);
  const names = groups.map((x) => [...x.hosts].sort().join(' / ')).sort();
  return {
    id: `misuse.multi-host:${t.key}`,
    rule: 'misuse.multi-host',
    severity: 'medium',
    title: `Token of ${p.user} used from ${groups.length} different clients`,
    explanation: `Token ${tokenLabel(t)} was presented from ${names.join('; ')}; a job token is normally used from the one node its payload runs on.`,
    source: MISUSE_SOURCE,
    entities: sortedUnique([...p.entities, ...uses.map((i) => `ip:${g.events[i]!.ids.ip}`)]),
    evidence: evidence(g, groups.flatMap((x) => x.events.slice(0, 3))),
    containment: [revokeStep(t, p)],
  };
}

function crossUser(g: Graph, t: TokenRec): Finding[] {
  const out: Finding[] = [];
  for (const j of g.joinsByToken.get(t.id) ?? []) {
    if (!j.target.startsWith('payload:')) continue;
    const pl = g.payloads.get(j.target.slice(8))!;
    if (payloadMatchesToken(pl, t, g.identities) !== 'no') continue;
    const p = peopleOf(g, t);
    const owner = sortedUnique(pl.users).join(', ') || sortedUnique(pl.subs).join(', ');
    const pilot = pl.pilot ? g.pilots.get(pl.pilot) : undefined;
    out.push({
      id: `misuse.cross-user-token:${t.key}|${pl.key}`,
      rule: 'misuse.cross-user-token',
      severity: 'high',
      title: `Token of ${p.user} found in payload ${pl.key} of ${owner}`,
      explanation: `Token ${tokenLabel(t)} (sub ${t.sub ?? '?'}) belongs to ${p.user}, but ${j.confidence === 'certain' ? 'a line names it in' : `it is joined (${j.reason ?? 'inferred'}) to`} payload ${pl.key} of ${owner}${pilot ? ` on pilot ${pilot.key}` : ''}.`,
      source: MISUSE_SOURCE,
      entities: sortedUnique([...p.entities, pl.id, ...(pilot ? [pilot.id] : [])]),
      evidence: evidence(g, [...j.evidence, ...pl.events.slice(0, 2)]),
      containment: [revokeStep(t, p), ...(pilot ? [`Kill pilot ${pilot.key}${pilot.ces.size ? ` on ${[...pilot.ces].sort().join(', ')}` : ''} and inspect payload ${pl.key} of ${owner}`] : [])],
    });
  }
  return out;
}

/**
 * A token tied to no job whose legitimate holder was a transfer service (its first use a third-party
 * copy), later presented from an address the site maps to none of its hosts: reuse by someone else.
 */
function transferTokenForeignIp(g: Graph, t: TokenRec): Finding | undefined {
  if (joinedTo(g, t.id).pilots.length > 0 || subjectPilots(g, t).length > 0) return undefined;
  const uses = clientUses(g, t).sort((a, b) => g.events[a]!.time.ts - g.events[b]!.time.ts);
  const tpc = uses.filter((i) => g.events[i]!.ids.op === 'tpc');
  if (tpc.length === 0) return undefined;
  const holders = new Set(tpc.map((i) => g.events[i]!.ids.ip!));
  const firstTpc = g.events[tpc[0]!]!.time.ts;
  const foreign = uses.filter((i) => {
    const e = g.events[i]!;
    const ip = e.ids.ip!;
    return e.time.ts >= firstTpc && !holders.has(ip) && !isServiceIp(g, ip, e.time.ts) && (g.spansByIp.get(ip) ?? []).length === 0;
  });
  if (foreign.length === 0) return undefined;
  const p = peopleOf(g, t);
  const ips = sortedUnique(foreign.map((i) => g.events[i]!.ids.ip!));
  const services = sortedUnique(foreign.map((i) => g.events[i]!.ids.host).filter((h): h is string => Boolean(h)));
  const ops = sortedUnique(foreign.map((i) => g.events[i]!.ids.op).filter((o): o is string => Boolean(o)));
  const damaging = ops.some((o) => /write|delete|mkdir/.test(o)) || writes(t);
  return {
    id: `misuse.foreign-ip:${t.key}`,
    rule: 'misuse.foreign-ip',
    severity: damaging ? 'critical' : 'high',
    title: `Transfer token of ${p.user} reused from ${ips.join(', ')}, outside the transfer service that held it (likely stolen)`,
    explanation: `Token ${tokenLabel(t)}${t.jti ? ` (jti ${t.jti})` : ''} issued by ${p.iss ?? 'an unknown issuer'} to ${p.user} is tied to no job; it was first used for third-party copies from ${[...holders].sort().join(', ')}, then from ${ips.join(', ')} at ${times(g, foreign)}${ops.length ? ` (${ops.join(', ')})` : ''} at ${services.join(', ') || 'a service'}, an address the site maps to none of its hosts.`,
    source: MISUSE_SOURCE,
    entities: sortedUnique([...p.entities, ...ips.map((ip) => `ip:${ip}`)]),
    evidence: evidence(g, [...foreign.slice(0, 6), ...tpc.slice(0, 2)]),
    containment: [revokeStep(t, p), banStep(p.sub, services), `Block ${ips.join(', ')} at the site perimeter and check what it wrote or deleted`].filter((x): x is string => Boolean(x)),
  };
}

/**
 * The job sandbox a file lies in: `<node>/…/execute/dir_<n>/` (HTCondor's execute directory), as
 * `<node>|dir_<n>`. A file found there (a collected bt_u* token file) belongs to that job's payload.
 */
export function sandboxOf(input: string): string | undefined {
  const m = /(?:^|[/!])([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\/(?:[^!]*\/)?execute\/(dir_\d+)\//.exec(input);
  return m ? `${m[1]!.toLowerCase()}|${m[2]}` : undefined;
}

/**
 * A user's token *file* found in the execute sandbox of another user's payload (collected by it).
 * A pilot's sandbox hosts its payloads one after another, so it counts only when none of the
 * payloads that ran there belongs to the token's owner.
 */
function sandboxCrossUser(g: Graph, t: TokenRec, bySandbox: Map<string, PayloadRec[]>, seen: Set<string>): Finding[] {
  const out: Finding[] = [];
  for (const i of t.events) {
    const ev = g.events[i]!;
    if (ev.kind !== 'token.exposure' || ev.src.parser !== 'tokenfile') continue;
    const box = sandboxOf(ev.src.input);
    const residents = box ? (bySandbox.get(box) ?? []) : [];
    const verdicts = residents.map((r) => payloadMatchesToken(r, t, g.identities));
    if (residents.length === 0 || verdicts.some((v) => v !== 'no')) continue;
    const pl = residents[0]!;
    const id = `misuse.cross-user-token:${t.key}|${pl.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = peopleOf(g, t);
    const owner = sortedUnique(pl.users).join(', ') || sortedUnique(pl.subs).join(', ');
    const pilot = pl.pilot ? g.pilots.get(pl.pilot) : undefined;
    out.push({
      id,
      rule: 'misuse.cross-user-token',
      severity: 'high',
      title: `Token of ${p.user} found in payload ${pl.key} of ${owner}`,
      explanation: `Token ${tokenLabel(t)} (sub ${t.sub ?? '?'}) belongs to ${p.user}, but its token file lies in the execute sandbox ${box!.replace('|', ':')} of payload ${pl.key} of ${owner}${pilot ? ` on pilot ${pilot.key}` : ''} (inferred from the file path: the payload collected it).`,
      source: MISUSE_SOURCE,
      entities: sortedUnique([...p.entities, pl.id, ...(pilot ? [pilot.id] : [])]),
      evidence: evidence(g, [i, ...pl.events.slice(0, 2)]),
      containment: [revokeStep(t, p), ...(pilot ? [`Kill pilot ${pilot.key}${pilot.ces.size ? ` on ${[...pilot.ces].sort().join(', ')}` : ''} and inspect payload ${pl.key} of ${owner}`] : [])],
    });
  }
  return out;
}

export function misuseFindings(g: Graph): Finding[] {
  const out: Finding[] = [];
  const bySandbox = new Map<string, PayloadRec[]>();
  for (const pl of [...g.payloads.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const box of new Set(pl.events.map((i) => sandboxOf(g.events[i]!.src.input)))) {
      if (!box) continue;
      const list = bySandbox.get(box) ?? [];
      list.push(pl);
      bySandbox.set(box, list);
    }
  }
  for (const t of [...g.tokens.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const f of [foreignIp(g, t) ?? transferTokenForeignIp(g, t), afterPayload(g, t), multiHost(g, t)]) if (f) out.push(f);
    const cross = crossUser(g, t);
    out.push(...cross, ...sandboxCrossUser(g, t, bySandbox, new Set(cross.map((f) => f.id))));
  }
  return out;
}
