/**
 * S1/V1 (time + IP), S2 (+ activity), V2 (+ job id): who was behind an IP at a time, narrowed by
 * what they did or by the job id. Ambiguous when more than one candidate remains.
 */
import { fmtTime, fmtTolerance, type Graph, type PayloadRec, type PilotRec, sortedUnique, tokenLabel } from '../correlate/graph';
import type { TraceAnswer, TraceCandidate, TraceQuery } from '../model/trace';
import { behindIp, joinedTo, payloadsIn, pilotCandidate, tokensUsed, type Window } from './context';

const ACTIVITY_KINDS = new Set(['token.use', 'token.reject', 'storage.access', 'transfer', 'http.request', 'auth.login', 'auth.fail']);

export function windowOf(g: Graph, q: TraceQuery): Window {
  const at = q.at!;
  const half = q.windowMs ?? 0;
  return { t0: at - half, t1: q.until ?? at + half, slack: g.settings.clockToleranceMs };
}

function when(g: Graph, w: Window): string {
  const span = w.t1 > w.t0 ? `${fmtTime(w.t0)}–${fmtTime(w.t1)}` : fmtTime(w.t0);
  return `${span} (${fmtTolerance(g.settings.clockToleranceMs)} clock tolerance)`;
}

function answer(g: Graph, question: TraceAnswer['question'], q: TraceQuery, candidates: TraceCandidate[], gaps: string[], explanation: string, ambiguous = candidates.length > 1): TraceAnswer {
  return { question, query: q, candidates, ambiguous, gaps: sortedUnique(gaps), explanation, clockToleranceMs: g.settings.clockToleranceMs };
}

/** Candidates (pilot + payloads) for activity the IP's token uses point to, when no node mapping exists. */
function viaTokens(g: Graph, direct: number[], w: Window): { pilot: PilotRec; payloads: PayloadRec[]; ev: number[]; reason: string }[] {
  const out: { pilot: PilotRec; payloads: PayloadRec[]; ev: number[]; reason: string }[] = [];
  for (const [tid, ev] of tokensUsed(g, direct)) {
    const j = joinedTo(g, tid);
    const t = g.tokens.get(tid)!;
    for (const p of j.pilots) {
      const pls = j.payloads.filter((pl) => pl.pilot === p.key);
      out.push({ pilot: p, payloads: pls.length ? pls : payloadsIn(g, p, w), ev: [...ev.slice(0, 3), ...j.evidence.slice(0, 3)], reason: `token ${tokenLabel(t)} was used from this IP; it belongs to ${pls.length ? `payload ${pls.map((x) => x.key).join(', ')} on ` : ''}pilot ${p.key}${j.reasons.length ? ` (${j.reasons[0]})` : ''}` });
    }
  }
  return out;
}

function describeCandidate(c: TraceCandidate): string {
  const parts = [`${c.vo ?? 'unknown VO'} pilot ${c.pilotIds[0]} (jobs ${c.jobIds.join(', ') || 'unknown'}) on ${c.hosts.join(', ') || 'an unknown node'}`];
  if (c.payloadIds.length) parts.push(`payload ${c.payloadIds.join(', ')}${c.users.length ? ` of ${c.users.join(', ')}` : ''}`);
  return parts.join(', running ');
}

function cite(c: TraceCandidate): string {
  return c.evidence.slice(0, 3).map((e) => `${e.input}:${e.line}`).join('; ');
}

/** S1 and V1: the same people behind the IP, seen from the site (VO + job ids) and the VO (users + payloads). */
export function traceIp(g: Graph, q: TraceQuery): TraceAnswer[] {
  const w = windowOf(g, q);
  const b = behindIp(g, q.ip!, w);
  let cands = b.pilots.map((p) => pilotCandidate(g, p, payloadsIn(g, p, w), w, b.shared ? 'inferred' : 'certain', b.shared ? `${q.ip} is shared by ${sortedUnique(b.spans.map((s) => s.host)).join(', ')} (NAT) at that time` : undefined, [], b.spans));
  const gaps = [...b.gaps];
  if (cands.length === 0) {
    cands = viaTokens(g, b.direct, w).map((x) => pilotCandidate(g, x.pilot, x.payloads, w, 'inferred', x.reason, x.ev));
    if (cands.length) gaps.push(`${q.ip} is not a node of the site at that time: the answer follows the tokens used from it`);
  }
  const outside = b.pilots.length === 0 && cands.length > 0;
  const head = `At ${when(g, w)}, ${q.ip}${outside ? ' (no node of the site; followed through the tokens used from it)' : ''}`;
  const s1 = cands.length === 0
    ? `${head} cannot be tied to any VO job: ${gaps[0] ?? 'no evidence'}.`
    : `${head} was used by ${cands.length} VO job${cands.length > 1 ? 's' : ''}: ${cands.map((c) => `${describeCandidate(c)} [evidence: ${cite(c)}]`).join('; ')}.${new Set(cands.flatMap((c) => c.hosts)).size > 1 ? ' Ambiguous: the IP was shared by several nodes and the evidence does not single one out; give the job id (V2) or the observed activity (S2) to narrow it.' : ''}`;
  const v1Cands = cands.flatMap((c) => (c.payloadIds.length <= 1 ? [c] : c.payloadIds.map((pid) => ({ ...c, payloadIds: [pid], users: sortedUnique(g.payloads.get(pid)?.users ?? []) }))));
  const v1Gaps = [...gaps, ...cands.filter((c) => c.payloadIds.length === 0).map((c) => `pilot ${c.pilotIds[0]} ran no payload the case records in that window`)];
  const v1 = v1Cands.length === 0
    ? `${head} cannot be tied to any user payload: ${v1Gaps[0] ?? 'no evidence'}.`
    : `${head} carried the payloads ${v1Cands.map((c) => `${c.payloadIds[0] ?? '(none recorded)'}${c.users.length ? ` of ${c.users.join(', ')}` : ''} on pilot ${c.pilotIds[0]}`).join('; ')}.${new Set(v1Cands.flatMap((c) => c.hosts)).size > 1 ? ' Ambiguous: the payloads ran on different nodes behind the same IP.' : ''}`;
  // Several jobs on one node are all the answer; candidates on several nodes behind one IP (NAT)
  // cannot be told apart: that is the ambiguity.
  const nodes = (cs: TraceCandidate[]) => new Set(cs.flatMap((c) => c.hosts)).size;
  return [answer(g, 'S1', q, cands, gaps, s1, nodes(cands) > 1), answer(g, 'V1', q, v1Cands, v1Gaps, v1, nodes(v1Cands) > 1)];
}

function matchesActivity(g: Graph, i: number, activity: string): boolean {
  const e = g.events[i]!;
  if (!ACTIVITY_KINDS.has(e.kind)) return false;
  // The whole phrase anywhere, or every word of it somewhere in the line and its ids
  // ("xrootd login <tident>" matches the XRootD login line of that session).
  const hay = [e.text, e.summary ?? '', e.ids.endpoint ?? '', e.ids.op ?? '', e.src.parser, e.kind, e.ids.session ?? ''].join(' ').toLowerCase();
  const needle = activity.toLowerCase().trim();
  return hay.includes(needle) || needle.split(/\s+/).every((w) => hay.includes(w));
}

/** S2: the activity seen from the IP pins the token, and the token its pilot and payload. */
export function traceActivity(g: Graph, q: TraceQuery): TraceAnswer {
  const w = windowOf(g, q);
  const b = behindIp(g, q.ip!, w);
  const gaps = [...b.gaps];
  const hits = b.direct.filter((i) => matchesActivity(g, i, q.activity!));
  const cands: TraceCandidate[] = [];
  if (hits.length === 0) gaps.push(`no line from ${q.ip} in the window matches the activity "${q.activity}"`);
  const pilotKeys = new Set(b.pilots.map((p) => p.key));
  const seen = new Set<string>();
  for (const [tid, ev] of tokensUsed(g, hits)) {
    const j = joinedTo(g, tid);
    const t = g.tokens.get(tid)!;
    for (const p of j.pilots) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      const pls = j.payloads.filter((pl) => pl.pilot === p.key);
      const reason = `the activity used token ${tokenLabel(t)}${pilotKeys.has(p.key) ? '' : ` (pilot ${p.key} is not mapped to ${q.ip} at that time)`}${j.reasons.length ? `; ${j.reasons[0]}` : ''}`;
      cands.push(pilotCandidate(g, p, pls.length ? pls : payloadsIn(g, p, w), w, j.confidence, reason, [...ev.slice(0, 3), ...j.evidence.slice(0, 3)], b.spans));
    }
    if (j.pilots.length === 0) gaps.push(`token ${tokenLabel(t)} used in the activity is not joined to any pilot or payload`);
  }
  // Lines naming the client node (XRootD tident `user.pid:fd@host`, clientHost): the pilot behind the IP on that node.
  if (cands.length === 0 && hits.length) {
    const nodes = new Set<string>();
    for (const i of hits) {
      const ids = g.events[i]!.ids;
      if (ids.clientHost) nodes.add(ids.clientHost.toLowerCase());
      const at = ids.session?.lastIndexOf('@') ?? -1;
      if (ids.session && at > 0) nodes.add(ids.session.slice(at + 1).toLowerCase());
    }
    // Who ran the client process: the tident's user part (`bob.47703:152@wn`) or the mapped user.
    const who = new Set<string>();
    for (const i of hits) {
      const ids = g.events[i]!.ids;
      const m = ids.session ? /^([^.@:]+)\./.exec(ids.session) : null;
      if (m) who.add(m[1]!);
      if (ids.user) who.add(ids.user);
    }
    const onNode: { p: PilotRec; node: string; pls: PayloadRec[] }[] = [];
    for (const p of b.pilots) {
      const node = [...p.hosts].find((h) => nodes.has(h.toLowerCase()) || nodes.has(h.toLowerCase().split('.')[0]!));
      if (node) onNode.push({ p, node, pls: payloadsIn(g, p, w) });
    }
    const byUser = onNode.filter((x) => x.pls.some((pl) => [...pl.users].some((u) => who.has(u))));
    const pick = onNode.length > 1 && byUser.length ? byUser : onNode;
    for (const x of pick) {
      const users = byUser.length && pick === byUser ? `, whose payload user ${[...who].filter((u) => x.pls.some((pl) => pl.users.has(u))).join(', ')} ran the client process` : '';
      cands.push(pilotCandidate(g, x.p, x.pls, w, 'inferred', `the activity's client is ${x.node}, where this pilot ran at that time${users}`, hits.slice(0, 3), b.spans));
    }
  }
  // Lines naming a subject but no token: the subject's payload among the pilots behind the IP.
  if (cands.length === 0 && hits.length) {
    const subs = new Set(hits.map((i) => g.events[i]!.ids.sub).filter((s): s is string => Boolean(s)));
    for (const p of b.pilots) {
      const pls = payloadsIn(g, p, w).filter((pl) => [...subs].some((s) => pl.subs.has(s) || pl.users.has(s)));
      if (pls.length) cands.push(pilotCandidate(g, p, pls, w, 'inferred', `the activity names subject ${[...subs].join(', ')}, whose payload ran on this pilot`, hits.slice(0, 3), b.spans));
    }
  }
  const head = `At ${when(g, w)}, the activity "${q.activity}" from ${q.ip}`;
  const text = cands.length === 0
    ? `${head} cannot be tied to one VO job: ${gaps[0] ?? 'no evidence'}.${b.pilots.length ? ` Behind the IP at that time: ${b.pilots.map((p) => p.key).join(', ')}.` : ''}`
    : `${head} was ${cands.map((c) => `${describeCandidate(c)} [evidence: ${cite(c)}]`).join('; or ')}.${cands.length > 1 ? ' Ambiguous: more than one job fits.' : ''}`;
  return answer(g, 'S2', q, cands, gaps, text);
}

/** V2: the job id picks the pilot; the payload running on it at that time is the answer. */
export function traceJob(g: Graph, q: TraceQuery): TraceAnswer {
  const w = windowOf(g, q);
  const b = behindIp(g, q.ip!, w);
  const gaps = [...b.gaps];
  const job = q.job!.trim();
  const byPayload = g.payloads.get(job);
  const pk = ['pilot', 'gjid', 'batch', 'ce', 'arc'].map((pre) => g.pilotByJob.get(`${pre}:${job}`)).find(Boolean) ?? byPayload?.pilot;
  const p = pk ? g.pilots.get(pk) : undefined;
  const cands: TraceCandidate[] = [];
  if (!p) gaps.push(`no pilot or payload with id ${job} in the case`);
  else {
    if (!b.pilots.some((x) => x.key === p.key)) gaps.push(`pilot ${p.key} is not mapped to ${q.ip} at that time (its node: ${[...p.hosts].join(', ') || 'unknown'})`);
    const pls = byPayload ? [byPayload] : payloadsIn(g, p, w);
    if (pls.length === 0) gaps.push(`pilot ${p.key} ran no payload the case records at that time`);
    for (const pl of pls) cands.push(pilotCandidate(g, p, [pl], w, pl.pilotLink?.confidence ?? 'certain', pl.pilotLink?.reason, [], b.spans));
  }
  const head = `At ${when(g, w)}, job ${job} behind ${q.ip}`;
  const text = cands.length === 0 ? `${head}: no user payload found (${gaps[0] ?? 'no evidence'}).` : `${head} ran ${cands.map((c) => `payload ${c.payloadIds[0]} of ${c.users.join(', ') || 'an unknown user'} on pilot ${c.pilotIds[0]} [evidence: ${cite(c)}]`).join('; or ')}.${cands.length > 1 ? ' Ambiguous: several payloads ran on that pilot in the window.' : ''}`;
  return answer(g, 'V2', q, cands, gaps, text);
}
