/**
 * HTCondor / HTCondor-CE schedd AuditLog (DOMAIN.md §2.3). Every line of one client connection
 * carries `(cid:N)`; the parser keeps per-cid state (peer IP, authenticated identity, SciToken
 * claims) so that `Submitting new job c.p` carries who submitted it, from where, with which token.
 */
import type { EventDraft } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { guardExposures } from '../common/exposure';
import { type CondorLine, countCondorLines, parseCondorLine } from '../common/htcondor-line';
import { baseName, hostFromPath, voFromGroups, voFromIssuer } from '../common/identity';
import { parseSinful } from '../common/sinful';

interface Conn {
  ip?: string;
  clientHost?: string;
  method?: string;
  sub?: string;
  iss?: string;
  jti?: string;
  user?: string;
  dn?: string;
  vo?: string;
  /** Job named by the last `Received proxy for job` line on this connection. */
  proxyJob?: string;
}

/** What `conn`/`ev` need of the line being handled. */
interface LineState {
  rl: RedactedLine;
  h: CondorLine;
  cid: number | undefined;
  /** The connection of `cid` (undefined until the line names one or creates it). */
  c: Conn | undefined;
}

const TOKEN_METHODS = new Set(['SCITOKENS', 'IDTOKENS', 'TOKEN']);
const CERT_METHODS = new Set(['SSL', 'GSI']);

function detect(sample: InputSample): number {
  const name = baseName(sample.name);
  const byName = /^AuditLog(\.|$)/.test(name);
  const { condor, hints: audit } = countCondorLines(
    sample.head,
    (c) =>
      c.cid !== undefined &&
      /^(Command=|AuthMethod=|Submitting new job|Examining SciToken|Set Attribute|Authentication Failed|Authorization Denied|Received proxy)/.test(c.message),
  );
  if (audit > 0) return byName ? 0.99 : 0.9;
  if (byName && condor > 0) return 0.7;
  return byName && sample.head.length === 0 ? 0.5 : 0;
}

/** Decoded SciToken payload JSON printed by the schedd (no signature in it). */
function payloadClaims(message: string): Record<string, unknown> | undefined {
  const m = /^Examining SciToken with payload (\{.*\})\.?$/.exec(message);
  if (!m) return undefined;
  try {
    const v: unknown = JSON.parse(m[1]);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function groupsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((g): g is string => typeof g === 'string');
  return typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : [];
}

function open(ctx: ParseContext): LineParser {
  const conns = new Map<number, Conn>();
  const host = hostFromPath(ctx.input);

  const connIds = (cid: number | undefined, c: Conn | undefined): EventIds => {
    const ids: EventIds = {};
    if (host) ids.host = host;
    if (cid !== undefined) ids.session = `cid:${cid}`;
    if (!c) return ids;
    if (c.ip) ids.ip = c.ip;
    if (c.clientHost) ids.clientHost = c.clientHost;
    if (c.sub) ids.sub = c.sub;
    if (c.iss) ids.iss = c.iss;
    if (c.jti) ids.jti = c.jti;
    if (c.user) ids.user = c.user;
    if (c.dn) ids.dn = c.dn;
    if (c.vo) ids.vo = c.vo;
    return ids;
  };

  /** The connection of this line's cid, created on first use (a line without a cid gets a throwaway one). */
  const conn = (st: LineState): Conn => {
    if (st.cid === undefined) return st.c ?? {};
    if (!st.c) {
      st.c = {};
      conns.set(st.cid, st.c);
    }
    return st.c;
  };
  /** The line's one event: the connection's ids as they are now, plus `extra`. */
  const ev = (st: LineState, kind: EventDraft['kind'], summary: string, extra: EventIds = {}, severity?: EventDraft['severity']): EventDraft[] => {
    // `{ ...connIds(), ...extra }` without the spread (V8 builds spread-then-merge several times slower).
    const ids = Object.assign(connIds(st.cid, st.c), extra);
    if (st.rl.secrets.length) ids.tokenFps = st.rl.secrets.map((s) => s.token.fp);
    const d: EventDraft = { time: st.h.time, kind, ids, text: st.rl.text, summary };
    if (severity) d.severity = severity;
    return [d];
  };

  // `conn` and `ev` take the line's state instead of closing over it: a closure per line costs an
  // allocation, and under tsx (the CLI) a `__name` property definition each (µs per line).
  function handle(rl: RedactedLine, h: CondorLine): EventDraft[] {
    const msg = h.message;
    const cid = h.cid;
    const st: LineState = { rl, h, cid, c: cid !== undefined ? conns.get(cid) : undefined };

    let m = /^Command=([^,]*), peer=(.*)$/.exec(msg);
    if (m) {
      // A new command on a cid starts a fresh connection state (cids are not reused within a run).
      const fresh: Conn = {};
      st.c = fresh;
      if (cid !== undefined) conns.set(cid, fresh);
      const s = parseSinful(m[2]);
      if (s?.ip) fresh.ip = s.ip;
      if (s?.alias) fresh.clientHost = s.alias;
      const from = s?.ip ?? m[2];
      return ev(st, 'log', `connection ${cid ?? '?'} from ${from}: command ${m[1]}`, s?.port ? { port: s.port } : {});
    }
    m = /^AuthMethod=([^,]*), AuthId=(.*), CondorId=(.*)$/.exec(msg);
    if (m) {
      const k = conn(st);
      // The schedd prints `(null)` for values it does not have (AuditLogNewConnection).
      const method = m[1].trim().toUpperCase();
      const authId = m[2].trim() === '(null)' ? '' : m[2].trim();
      const condorId = m[3].trim() === '(null)' ? '' : m[3].trim();
      k.method = method;
      const at = condorId.indexOf('@');
      k.user = (at < 0 ? condorId : condorId.slice(0, at)) || k.user;
      if (method === 'SCITOKENS') {
        // AuthId is `<issuer>,<subject>` (m_scitokens_auth_name = issuer + "," + subject).
        const comma = authId.indexOf(',');
        if (comma > 0) {
          k.iss = authId.slice(0, comma);
          k.sub = authId.slice(comma + 1);
        }
        k.vo ??= voFromIssuer(k.iss);
      } else if (method === 'IDTOKENS' || method === 'TOKEN') {
        k.sub = authId;
      } else if (CERT_METHODS.has(method) && authId.startsWith('/')) {
        k.dn = authId;
      }
      if (method === '(NULL)') return ev(st, 'log', `unauthenticated connection ${cid ?? '?'}`);
      const tokenAuth = TOKEN_METHODS.has(method);
      return ev(
        st,
        tokenAuth ? 'token.use' : 'auth.login',
        `${method} authentication on connection ${cid ?? '?'} as ${authId || 'unknown'} mapped to ${condorId || 'nobody'}`,
      );
    }
    if (msg.startsWith('Examining SciToken with payload')) {
      const claims = payloadClaims(msg);
      if (!claims) return ev(st, 'log', 'SciToken payload logged but not readable as JSON');
      const k = conn(st);
      k.iss = str(claims.iss) ?? k.iss;
      k.sub = str(claims.sub) ?? k.sub;
      k.jti = str(claims.jti) ?? k.jti;
      k.vo = voFromGroups(groupsOf(claims['wlcg.groups'] ?? claims.groups)) ?? voFromIssuer(k.iss) ?? k.vo;
      const scope = str(claims.scope);
      return ev(st, 'token.use', `SciToken presented on connection ${cid ?? '?'}${scope ? ` with scope "${scope}"` : ''}`);
    }
    if (msg.startsWith('Failed to decode a SciToken')) {
      return ev(st, 'auth.fail', `undecodable SciToken rejected on connection ${cid ?? '?'}`, {}, 'medium');
    }
    m = /^Authentication Failed(?:, MethodsTried=(.*))?/.exec(msg);
    if (m) return ev(st, 'auth.fail', `authentication failed on connection ${cid ?? '?'}${m[1] ? ` (tried ${m[1]})` : ''}`, {}, 'low');
    if (msg.startsWith('Authorization Denied')) {
      return ev(st, 'auth.fail', `authorization denied on connection ${cid ?? '?'}`, {}, 'low');
    }
    m = /^Submitting new job (\d+\.\d+)/.exec(msg);
    if (m) {
      const who = st.c?.sub ?? st.c?.dn ?? st.c?.user ?? 'unknown identity';
      return ev(st, 'job.submit', `job ${m[1]} submitted by ${who}${st.c?.ip ? ` from ${st.c.ip}` : ''}`, { ceJobId: m[1] });
    }
    m = /^Received proxy for job (\d+\.\d+)/.exec(msg);
    if (m) {
      conn(st).proxyJob = m[1];
      return ev(st, 'log', `X.509 proxy received for job ${m[1]}`, { ceJobId: m[1] });
    }
    m = /^proxy (identity|subject): (.*)$/.exec(msg);
    if (m) {
      const k = conn(st);
      k.dn = m[2].trim();
      return ev(st, 'log', `proxy ${m[1]} ${k.dn}`, k.proxyJob ? { ceJobId: k.proxyJob } : {});
    }
    m = /^proxy vo name: (\S+)/.exec(msg);
    if (m) {
      const k = conn(st);
      k.vo = m[1].toLowerCase();
      return ev(st, 'log', `proxy VO ${m[1]}`, k.proxyJob ? { ceJobId: k.proxyJob } : {});
    }
    m = /^Set (?:Timer )?Attribute for job (\d+\.\d+), (.*)$/.exec(msg);
    if (m) return ev(st, 'log', `attribute set on job ${m[1]}: ${m[2].slice(0, 120)}`, { ceJobId: m[1] });
    // Any other audited message (proxy path/expiration, constraint edits, …): keep it as a log event.
    return ev(st, 'log', msg.slice(0, 160));
  }

  return {
    line(rl) {
      // A line starting with a digit (every header) is not blank: trim() only for the others.
      const c0 = rl.text.charCodeAt(0);
      if (!(c0 >= 48 && c0 <= 57) && !rl.text.trim()) return [];
      const h = parseCondorLine(rl.text, ctx.tz);
      if (!h) {
        ctx.problem({ code: 'line.malformed', line: rl.line, message: 'not an HTCondor log line (no timestamp header)' });
        return [];
      }
      return handle(rl, h);
    },
    end: () => [],
  };
}

/** HTCondor / HTCondor-CE schedd AuditLog. */
export const auditLogParser: LogParser = guardExposures(
  { id: 'htcondor.auditlog', label: 'HTCondor AuditLog', detect, open },
  (text, tz) => parseCondorLine(text, tz)?.time,
);
