/**
 * Case → ReportData: the audience-filtered content every format renders. Built with originals,
 * then every string passes one scrubber for the profile, so no field can escape pseudonymisation.
 */
import type { Case } from '../model/case';
import type { TgEvent } from '../model/event';
import type { Finding } from '../model/finding';
import { severityRank } from '../model/severity';
import { timeKnown } from '../model/time';
import type { TokenInfo } from '../model/token';
import type { TraceAnswer } from '../model/trace';
import { type AliasKind, AliasTable, EMAIL_RE, FQDN_RE, IPV4_RE, IPV6_RE } from '../redact/aliases';
import type { ReportOptions } from './options';
import type { ReportAnswer, ReportData, ReportEvent, ReportFinding, ReportToken } from './report-data';
import { describeSharing, PUBLIC_CLAIMS } from './sharing';

const iso = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString());
const fp16 = (fp: string) => fp.slice(0, 16);
const uniqSorted = (xs: Iterable<string | undefined>) => [...new Set([...xs].filter((x): x is string => !!x))].sort();

const PERSONAL_CLAIMS = ['email', 'preferred_username', 'name', 'given_name', 'family_name', 'eduperson_principal_name', 'oidc_sub', 'voperson_id'];

function describeEvent(e: TgEvent): string {
  if (e.summary) return e.summary;
  const i = e.ids;
  const parts: string[] = [e.kind];
  if (i.user) parts.push(`user ${i.user}`);
  if (i.sub) parts.push(`sub ${i.sub}`);
  if (i.ip) parts.push(`from ${i.ip}`);
  if (i.host) parts.push(`on ${i.host}`);
  if (i.op || i.endpoint) parts.push(`${i.op ?? ''} ${i.endpoint ?? ''}`.trim());
  if (i.ceJobId || i.batchJobId) parts.push(`job ${i.ceJobId ?? i.batchJobId}`);
  if (i.payloadId) parts.push(`payload ${i.payloadId}`);
  return parts.join(', ');
}

/** Values that are personal (people) or infrastructure (ip/host), gathered from the case. */
function collectIdentifiers(c: Case, voMembers: Set<string>): Map<string, AliasKind> {
  const out = new Map<string, AliasKind>();
  const add = (v: string | undefined, k: AliasKind) => {
    if (v && v.length >= 2 && !out.has(v)) out.set(v, k);
  };
  for (const e of c.events) {
    add(e.ids.user, 'user');
    add(e.ids.sub, 'subject');
    add(e.ids.dn, 'dn');
    add(e.ids.ip, 'ip');
    add(e.ids.host, 'host');
    add(e.ids.workerNode, 'host');
    add(e.ids.clientHost, 'host');
  }
  for (const t of c.tokens) {
    add(t.sub, 'subject');
    for (const k of PERSONAL_CLAIMS) {
      const v = t.claims?.[k];
      if (typeof v === 'string') add(v, k === 'email' ? 'email' : 'user');
    }
  }
  for (const en of c.entities) {
    if (en.kind === 'ip') add(en.key, 'ip');
    if (en.kind === 'host') add(en.key, 'host');
  }
  for (const m of voMembers) out.delete(m);
  return out;
}

function scanFreeText(texts: string[], into: Map<string, AliasKind>, kinds: AliasKind[]): void {
  const scan = (re: RegExp, k: AliasKind) => {
    if (!kinds.includes(k)) return;
    for (const t of texts) for (const m of t.matchAll(re)) if (!into.has(m[0])) into.set(m[0], k);
  };
  scan(EMAIL_RE, 'email');
  scan(IPV4_RE, 'ip');
  scan(IPV6_RE, 'ip');
  scan(FQDN_RE, 'host');
}

/** Everyone the `vo` profile keeps readable: identities seen acting for that VO. */
function voMembersOf(c: Case, vo: string | undefined): Set<string> {
  const members = new Set<string>();
  if (!vo) return members;
  for (const e of c.events) {
    if (e.ids.vo !== vo) continue;
    for (const v of [e.ids.user, e.ids.sub, e.ids.dn]) if (v) members.add(v);
  }
  for (const en of c.entities) {
    if (en.kind !== 'identity' || en.attrs.vo !== vo) continue;
    for (const v of [en.attrs.sub, en.attrs.user, en.attrs.users].flat()) if (typeof v === 'string') members.add(v);
  }
  return members;
}

function tokenRow(t: TokenInfo, findings: Finding[], profile: ReportOptions['profile']): ReportToken {
  const claims: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.claims ?? {})) {
    if (profile === 'public' && !PUBLIC_CLAIMS.has(k)) continue;
    claims[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return {
    fp16: fp16(t.fp),
    kind: t.kind,
    iss: t.iss ?? '',
    sub: t.sub ?? '',
    aud: t.aud,
    scopes: t.scopes.map((s) => s.raw),
    jti: t.jti ?? '',
    iat: t.iat === undefined ? '' : iso(t.iat * 1000),
    exp: t.exp === undefined ? '' : iso(t.exp * 1000),
    lifetime: t.lifetimeS === undefined ? '' : formatDuration(t.lifetimeS),
    // The redacted JWT still carries its payload (and so the subject) in base64: only csirt sees it.
    redacted: profile === 'csirt' ? t.redacted : `[${t.kind}:${fp16(t.fp)}]`,
    claims,
    findings: findings.filter((f) => f.entities.includes(`token:${t.fp}`)).map((f) => f.title),
  };
}

export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', !d && !h && !m ? `${seconds}s` : ''].filter(Boolean).join(' ');
}

function answerRow(a: TraceAnswer): ReportAnswer {
  return {
    question: a.question,
    explanation: a.explanation,
    ambiguous: a.ambiguous,
    gaps: a.gaps,
    clockTolerance: formatDuration(Math.round(a.clockToleranceMs / 1000)),
    candidates: a.candidates.map((c) => ({
      vo: c.vo ?? '',
      jobIds: c.jobIds,
      pilotIds: c.pilotIds,
      payloadIds: c.payloadIds,
      users: c.users,
      ips: c.ips,
      tokens: c.tokens.map((t) => (/^[0-9a-f]{64}$/.test(t) ? fp16(t) : t)),
      confidence: c.confidence,
      reason: c.reason ?? '',
      evidence: c.evidence.map((e) => ({ input: e.input, line: e.line, text: e.text })),
    })),
  };
}

/** Builds the audience-filtered report content. */
export async function buildReportData(c: Case, answers: TraceAnswer[], opts: ReportOptions): Promise<ReportData> {
  const excluded = new Set(opts.excludeFindings ?? []);
  const findings = c.findings
    .filter((f) => !excluded.has(f.id))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.id < b.id ? -1 : 1));
  const byId = new Map(c.events.map((e) => [e.id, e]));
  const starred = new Set(opts.starredEvents ?? []);

  // Key events: the evidence of findings and answers, plus starred rows, in time order.
  const keyIds = new Set<string>(starred);
  for (const f of findings) for (const ev of f.evidence) if (ev.eventId) keyIds.add(ev.eventId);
  for (const a of answers) for (const cand of a.candidates) for (const ev of cand.evidence) if (ev.eventId) keyIds.add(ev.eventId);
  const keyEvents: ReportEvent[] = [...keyIds]
    .map((id) => byId.get(id))
    .filter((e): e is TgEvent => !!e)
    .sort((a, b) => a.time.ts - b.time.ts || (a.id < b.id ? -1 : 1))
    .slice(0, opts.maxKeyEvents ?? 200)
    .map((e) => ({
      // An unknown time reads as its `assumed` note ("time unknown …"), not as 1970.
      time: timeKnown(e.time) ? iso(e.time.ts) : '',
      assumed: e.time.assumed ?? '',
      kind: e.kind,
      summary: describeEvent(e),
      input: e.src.input,
      line: e.src.line,
      text: e.text,
      starred: starred.has(e.id),
    }));

  const tokenFps = new Set(findings.flatMap((f) => f.entities.filter((x) => x.startsWith('token:')).map((x) => x.slice(6))));
  const tokens = c.tokens
    .filter((t) => tokenFps.has(t.fp) || tokenFps.size === 0)
    .sort((a, b) => (a.fp < b.fp ? -1 : 1))
    .map((t) => tokenRow(t, findings, opts.profile));

  const ent = (kind: string) =>
    uniqSorted(findings.flatMap((f) => f.entities).filter((x) => x.startsWith(`${kind}:`)).map((x) => c.entities.find((e) => e.id === x)?.label ?? x.slice(kind.length + 1)));
  const affected = {
    users: uniqSorted([...ent('identity'), ...answers.flatMap((a) => a.candidates.flatMap((x) => x.users))]),
    pilots: uniqSorted([...ent('pilot'), ...answers.flatMap((a) => a.candidates.flatMap((x) => x.pilotIds))]),
    payloads: uniqSorted([...ent('payload'), ...answers.flatMap((a) => a.candidates.flatMap((x) => x.payloadIds))]),
    hosts: ent('host'),
    ips: uniqSorted([...ent('ip'), ...answers.flatMap((a) => a.candidates.flatMap((x) => x.ips))]),
  };

  const reportFindings: ReportFinding[] = findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    title: f.title,
    explanation: f.explanation,
    source: f.source ?? '',
    evidence: f.evidence.map((e) => ({ input: e.input, line: e.line, text: e.text })),
    containment: f.containment,
  }));
  const containment = uniqSorted(findings.flatMap((f) => f.containment));

  const times = keyEvents.some((e) => e.time) ? keyEvents.map((e) => e.time).filter(Boolean) : c.events.filter((e) => timeKnown(e.time)).map((e) => iso(e.time.ts)).filter(Boolean).sort();
  const worst = findings[0];
  const site = opts.site ?? guessSite(c);
  const data: ReportData = {
    title: opts.title ?? (worst ? `${worst.title} — ${c.name}` : `Incident report — ${c.name}`),
    caseName: c.name,
    caseId: c.id,
    generatedAt: opts.generatedAt,
    tlp: opts.tlp,
    profile: opts.profile,
    vo: opts.vo ?? '',
    analyst: opts.analyst ?? '',
    site,
    tool: `${c.tool.name} ${c.tool.version}`,
    summary: {
      what: worst
        ? `${findings.length} finding(s); the most severe: ${worst.title} (${worst.severity}).`
        : 'No findings: nothing in the evidence points to an incident.',
      from: times[0] ?? '',
      to: times[times.length - 1] ?? '',
      impact: [
        `${tokens.length} token(s) involved`,
        `${affected.users.length} user(s), ${affected.pilots.length} pilot(s), ${affected.payloads.length} payload(s) affected`,
        `${affected.ips.length} IP address(es) and ${affected.hosts.length} host(s) named`,
      ],
    },
    keyEvents,
    tokens,
    affected,
    answers: answers.map(answerRow),
    findings: reportFindings,
    attackerIps: uniqSorted(findings.filter((f) => f.rule.startsWith('misuse.')).flatMap((f) => f.entities.filter((x) => x.startsWith('ip:')).map((x) => x.slice(3)))),
    containment,
    recommendations: recommendationsFor(findings),
    appendix: {
      inputs: c.inputs.map((i) => ({ path: i.path, size: i.size, sha256: i.sha256, parser: i.parser, tz: i.tz })),
      clockTolerance: formatDuration(Math.round(c.settings.clockToleranceMs / 1000)),
      timezone: c.settings.tz,
      tzAssumptions: uniqSorted(c.events.map((e) => e.time.assumed)).slice(0, 50),
      redaction: Object.entries(c.redaction).map(([k, n]) => `${k}: ${n}`).sort(),
      problems: c.problems.length,
    },
    sharing: describeSharing(opts.profile, opts.vo),
  };
  return applyProfile(c, data, opts);
}

function guessSite(c: Case): string {
  const counts = new Map<string, number>();
  for (const e of c.events) {
    const h = e.ids.host;
    if (!h?.includes('.')) continue;
    const domain = h.split('.').slice(1).join('.');
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best?.[0] ?? 'unknown site';
}

function recommendationsFor(findings: Finding[]): string[] {
  const rules = new Set(findings.map((f) => f.rule.split('.')[0]));
  const out: string[] = [];
  if (rules.has('misuse')) out.push('Check storage for data written or deleted by the listed tokens and subjects in their validity window.');
  if (rules.has('exposure')) out.push('Find every copy of the exposed log files (log shippers, tickets, shared drives) and purge the tokens from them.');
  if (rules.has('policy')) out.push('Ask the issuer to shorten lifetimes and narrow scopes and audiences of the token classes named in policy findings.');
  out.push('Keep the original evidence (hashes in the appendix) unchanged for the CSIRT.');
  out.push('Report to the EGI CSIRT (abuse@egi.eu) within 4 hours of discovery when an EGI site is involved.');
  return out;
}

/** Applies the profile: aliases for people (and, in `public`, infrastructure), no raw lines in `public`. */
async function applyProfile(c: Case, data: ReportData, opts: ReportOptions): Promise<ReportData> {
  if (opts.profile === 'csirt') return data;
  const scrub = await makeScrubber(c, opts, data);
  const out = walkStrings(data, scrub);
  if (opts.profile === 'public') {
    // No raw lines leave in a public report.
    for (const e of out.keyEvents) e.text = '';
    for (const f of out.findings) for (const ev of f.evidence) ev.text = '';
    for (const a of out.answers) for (const cand of a.candidates) for (const ev of cand.evidence) ev.text = '';
  }
  return out;
}

/**
 * The profile's string transform: keyed aliases for every personal value the case names or the
 * given content contains, and base64 JWT payloads collapsed (they carry subjects).
 */
export async function makeScrubber(c: Case, opts: ReportOptions, content: unknown): Promise<(s: string) => string> {
  if (opts.profile === 'csirt') return (s) => s;
  const members = opts.profile === 'vo' ? voMembersOf(c, opts.vo) : new Set<string>();
  const ids = collectIdentifiers(c, members);
  const personal: AliasKind[] = opts.profile === 'public' ? ['user', 'subject', 'email', 'dn', 'ip', 'host'] : ['user', 'subject', 'email', 'dn'];
  for (const [v, k] of [...ids]) if (!personal.includes(k)) ids.delete(v);
  const texts: string[] = [];
  walkStrings(content, (s) => {
    texts.push(s);
    return s;
  });
  scanFreeText(texts, ids, opts.profile === 'public' ? ['email', 'ip', 'host'] : ['email']);
  for (const m of members) ids.delete(m);
  const table = await AliasTable.build(opts.pseudonymKey, ids);
  return (s) => table.scrub(s.replace(/eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.\[sig-redacted:([0-9a-f]{16})\]/g, '[jwt:$1]'));
}

/**
 * Deep-maps every string in a JSON-like value. Like JSON, it reads an object through its `toJSON`
 * when it has one: a fresh case's links are a table that gives its array that way (LinkList).
 */
export function walkStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => walkStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return walkStrings(toJSON.call(value), f) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walkStrings(v, f);
    return out as T;
  }
  return value;
}
