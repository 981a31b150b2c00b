/**
 * The token story — issued by whom and when, presented where, from which IPs, by which pilot and
 * payload — and its blast radius: what its scopes and audiences still allow until it expires,
 * counted from `at` (or from the last line naming it).
 */
import { fmtTime, type Graph, sortedUnique, TOKEN_USE_KINDS, type TokenRec, tokenLabel } from '../correlate/graph';
import type { TraceAnswer, TraceQuery } from '../model/trace';
import { joinedTo, routedGlobalIds, uniqEvidence } from './context';

/** Tokens a query names: fingerprint prefix (≥ 8 hex), full fingerprint, or jti. */
export function findTokens(g: Graph, ref: string): TokenRec[] {
  const r = ref.trim();
  const lower = r.toLowerCase();
  return [...g.tokens.values()].filter((t) => t.jti === r || (t.fp && /^[0-9a-f]{8,64}$/.test(lower) && t.fp.startsWith(lower))).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function duration(ms: number): string {
  const h = Math.floor(ms / 3600_000);
  const d = Math.floor(h / 24);
  return d >= 1 ? `${d} d ${h % 24} h` : h >= 1 ? `${h} h ${Math.floor((ms % 3600_000) / 60_000)} min` : `${Math.max(0, Math.round(ms / 60_000))} min`;
}

const WILDCARD_AUD = new Set(['https://wlcg.cern.ch/jwt/v1/any', 'ANY', 'any']);

/** What the token still lets its holder do, in words. */
export function blastRadius(t: TokenRec, at: number): string {
  const info = t.info;
  if (!info) return `the token was not captured or decoded: its scopes and expiry are unknown; ask ${t.iss ?? 'the issuer'} for jti=${t.jti ?? '?'}`;
  const aud = info.aud.length ? info.aud : ['(no audience)'];
  const audText = aud.some((a) => WILDCARD_AUD.has(a)) ? 'any service that accepts this issuer (wildcard audience)' : aud.join(', ');
  const scopes = info.scopes.map((s) => s.raw).join(' ') || '(no scopes)';
  if (info.exp === undefined) return `no expiry: it allows ${scopes} at ${audText} until revoked at ${info.iss ?? 'its issuer'}`;
  const expMs = info.exp * 1000;
  if (expMs <= at) return `expired at ${fmtTime(expMs)} (before ${fmtTime(at)}): no further use unless a refresh token or its issuer mints a new one`;
  const writes = info.scopes.filter((s) => /modify|create|write|delete|compute\./.test(s.action));
  return `valid until ${fmtTime(expMs)} (${duration(expMs - at)} after ${fmtTime(at)}): allows ${scopes} at ${audText}${writes.length ? `; it can change data or jobs (${writes.map((s) => s.raw).join(' ')})` : '; read-only'}`;
}

export function traceToken(g: Graph, q: TraceQuery): TraceAnswer {
  const matches = findTokens(g, q.token!);
  const gaps: string[] = [];
  if (matches.length === 0) {
    return { question: 'token', query: q, candidates: [], ambiguous: false, gaps: [`no token with fingerprint prefix or jti ${q.token} in the case`], explanation: `No token matches ${q.token}.`, clockToleranceMs: g.settings.clockToleranceMs };
  }
  const parts: string[] = [];
  const cands = matches.map((t) => {
    const evs = t.events.map((i) => g.events[i]!);
    const issued = t.events.filter((i) => g.events[i]!.kind === 'token.issue' || g.events[i]!.kind === 'token.refresh');
    const uses = t.events.filter((i) => TOKEN_USE_KINDS.has(g.events[i]!.kind));
    const exposures = t.events.filter((i) => g.events[i]!.kind === 'token.exposure');
    const j = joinedTo(g, t.id);
    const idn = t.identity ? g.identities.get(t.identity) : undefined;
    const ips = sortedUnique(uses.map((i) => g.events[i]!.ids.ip).filter((x): x is string => Boolean(x)));
    const services = sortedUnique(uses.map((i) => g.events[i]!.ids.host).filter((x): x is string => Boolean(x)));
    const at = q.at ?? (evs.length ? Math.max(...evs.map((e) => e.time.ts)) : (t.info?.iat ?? 0) * 1000);
    const label = tokenLabel(t);
    if (!issued.length) gaps.push(`no issuer record for ${label} in the case (IAM audit log not included, or issued before it starts)`);
    const iss = issued.map((i) => { const e = g.events[i]!; return `${e.kind === 'token.refresh' ? 'refreshed' : 'issued'} at ${fmtTime(e.time.ts)} by ${e.ids.iss ?? e.ids.host ?? t.iss ?? 'the issuer'} to client ${e.ids.clientId ?? '?'} from ${e.ids.ip ?? '?'} (${e.ids.grantType ?? 'grant unknown'})`; });
    parts.push(`Token ${label}${t.jti ? ` (jti ${t.jti})` : ''} of ${idn ? `${[...idn.users].join(', ') || 'subject'} ${idn.sub}` : t.sub ?? 'an unknown subject'} from ${t.iss ?? 'an unknown issuer'}: ${iss.join('; ') || 'issue not recorded'}. Presented ${uses.length} time(s) at ${services.join(', ') || 'no service'} from ${ips.join(', ') || 'no recorded IP'}${exposures.length ? `; written into ${exposures.length} log line(s)/file(s)` : ''}. ${j.pilots.length ? `Carried by pilot ${j.pilots.map((p) => p.key).join(', ')}${j.payloads.length ? ` for payload ${j.payloads.map((p) => `${p.key} (${[...p.users].join(', ')})`).join(', ')}` : ''}${j.confidence === 'inferred' ? ` (inferred: ${j.reasons[0] ?? 'time overlap'})` : ''}.` : 'Not joined to any pilot or payload.'} Blast radius: ${blastRadius(t, at)}.`);
    return {
      ...(idn?.vos.size ? { vo: sortedUnique(idn.vos)[0]! } : {}),
      jobIds: sortedUnique(j.pilots.flatMap((p) => [...p.ceJobIds, ...p.batchJobIds, ...routedGlobalIds(p)])),
      pilotIds: sortedUnique(j.pilots.map((p) => p.key)),
      payloadIds: sortedUnique(j.payloads.map((p) => p.key)),
      users: sortedUnique([...(idn?.users ?? []), ...(t.sub ? [t.sub] : [])]),
      ips,
      tokens: [label],
      hosts: sortedUnique([...services, ...j.pilots.flatMap((p) => [...p.hosts])]),
      confidence: j.confidence,
      ...(j.reasons.length ? { reason: j.reasons[0] } : {}),
      evidence: uniqEvidence(g, [...issued, ...uses, ...exposures, ...j.evidence], 30),
    };
  });
  return { question: 'token', query: q, candidates: cands, ambiguous: cands.length > 1, gaps: sortedUnique(gaps), explanation: parts.join('\n'), clockToleranceMs: g.settings.clockToleranceMs };
}
