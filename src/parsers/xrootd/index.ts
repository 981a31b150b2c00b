/**
 * XRootD server log (`xrootd.log`, DOMAIN.md §4): logins, disconnects, scitokens authorisation
 * traces and XrdHttp request traces. Lines are tied by the client trace identity (tident =
 * session); a `scitokens_Access` line names no tident, so it is tied to the tident last seen on
 * the same server thread, and later operations of that tident carry the token's sub/iss.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { Severity } from '../../model/severity';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { assumedTime, expandYear } from '../common/time';
import { hostFromPath } from '../common/identity';

const LINE = /^(\d{2})(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\d+) ([^\s:]+): ?(.*)$/;
const TIDENT = /([^\s.@]+)\.(\d+):(\d+)@(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)/;
const LOGIN = /(pub|pvt) (IPv4|IPv6|IP46|IP64) (?:(TLSv[\d.]+) )?login(?: as (\S+))?/;
const NEW_TOKEN = /New valid token (.*)$/;
const GRANT = /Grant authorization based on scopes for operation=([^,\s]+), path=(\S+)/;
const HTTP_REQ = /\b(GET|PUT|POST|DELETE|HEAD|PROPFIND|COPY|MKCOL|MOVE|OPTIONS) (\/\S*)/;
const TOKEN_REJECT = /Token already expired|Failed to deserialize SciToken|Token does not appear to be a valid JWT|Authorized issuer without a config/;
// Lines xrootd writes without a timestamp (configuration echo at start-up).
const ECHO = /^(Config|=====>|\+\+\+\+\+\+|------|Copr\.|\s|[a-z]+\.[a-z]+ |Plugin |\d+ )/;

const HTTP_OPS: Record<string, string> = {
  GET: 'read', HEAD: 'stat', PUT: 'write', POST: 'write', DELETE: 'delete', PROPFIND: 'stat', COPY: 'tpc', MKCOL: 'mkdir', MOVE: 'rename', OPTIONS: 'stat',
};

interface Session {
  user: string;
  ip?: string;
  clientHost?: string;
  login?: string;
  sub?: string;
  iss?: string;
}

/** `subject=…, issuer=…, groups=/a,/b, authorizations=/p:read,stat;/q:create` → fields (values may hold commas). */
function tokenFields(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(?:^|, )(mapped_username|subject|issuer|groups|authorizations|username)=/g;
  const marks = [...s.matchAll(re)];
  marks.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = i + 1 < marks.length ? (marks[i + 1]!.index ?? s.length) : s.length;
    out[m[1]!] = s.slice(from, to).trim();
  });
  return out;
}

class XrootdLines implements LineParser {
  private readonly sessions = new Map<string, Session>();
  private readonly threadTident = new Map<string, string>();
  private host: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    // The start-up `initialization` line names the server; until then the input path may.
    this.host = hostFromPath(ctx.input);
  }

  private session(tident: string, user: string, where: string): Session {
    let s = this.sessions.get(tident);
    if (!s) {
      const bare = where.replace(/^\[|\]$/g, '');
      const ip = normIp(bare);
      s = { user, ip, clientHost: ip ? undefined : where.toLowerCase() };
      this.sessions.set(tident, s);
    }
    return s;
  }

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = LINE.exec(line.text);
    if (!m) {
      if (!ECHO.test(line.text) || line.text.length > 4096) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not an xrootd log line (expected `YYMMDD HH:MM:SS tid prefix: …`)' });
      }
      return [];
    }
    const n = m.slice(1, 8).map((x) => Number(x ?? 0));
    const time: EventTime = assumedTime(m[0].slice(0, m[7] ? 16 + m[7].length : 15), this.ctx.tz, {
      year: expandYear(n[0]!), month: n[1]!, day: n[2]!, hour: n[3]!, minute: n[4]!, second: n[5]!, ms: Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0')),
    });
    const thread = m[8]!;
    const prefix = m[9]!;
    const msg = m[10]!;
    // The literal test first: the regex alone backtracks on every line (a profiled hot spot).
    const init = msg.includes(' initialization') ? /(\S+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}) initialization/.exec(msg) : null;
    if (init) this.host = init[2]!.toLowerCase();

    const t = TIDENT.exec(msg);
    let tident: string | undefined;
    let sess: Session | undefined;
    if (t) {
      tident = t[0];
      sess = this.session(tident, t[1]!, t[4]!);
      this.threadTident.set(thread, tident);
    } else if (prefix.startsWith('scitokens_')) {
      tident = this.threadTident.get(thread);
      sess = tident ? this.sessions.get(tident) : undefined;
    }
    const base: EventIds = {
      host: this.host,
      session: tident,
      ip: sess?.ip,
      clientHost: sess?.clientHost,
      user: sess?.login,
      sub: sess?.sub,
      iss: sess?.iss,
    };
    const from = sess ? (sess.ip ?? sess.clientHost) : undefined;
    const emit = (kind: EventKind, ids: EventIds, summary: string, severity?: Severity): EventDraft[] => {
      const out = [makeEvent(line, kind, time, { ...base, ...ids }, summary, severity)];
      if (hasSecret(line)) out.push(exposureEvent(line, time, { ...base, ...ids }, 'an xrootd log'));
      return out;
    };

    const login = LOGIN.exec(msg);
    if (login && sess) {
      sess.login = login[4];
      return emit('auth.login', { user: login[4] ?? sess.user }, `xrootd login${login[4] ? ` as ${login[4]}` : ''} from ${from ?? '?'}${login[3] ? ` over ${login[3]}` : ''}`);
    }
    const tok = NEW_TOKEN.exec(msg);
    if (tok) {
      const f = tokenFields(tok[1]!);
      if (sess) {
        sess.sub = f.subject;
        sess.iss = f.issuer;
        sess.login = f.mapped_username ?? sess.login;
      }
      return emit(
        'token.use',
        { sub: f.subject, iss: f.issuer, user: f.mapped_username ?? f.username, vo: f.groups?.split(',')[0]?.replace(/^\//, '').split('/')[0] },
        `token of ${f.subject ?? '?'} (${f.issuer ?? '?'}) accepted, mapped to ${f.mapped_username ?? '?'}${from ? ` for ${from}` : ''}`,
      );
    }
    const grant = GRANT.exec(msg);
    if (grant) {
      return emit('storage.access', { op: grant[1], endpoint: grant[2] }, `token scopes allow ${grant[1]} on ${grant[2]}${from ? ` for ${from}` : ''}`);
    }
    if (TOKEN_REJECT.test(msg)) return emit('token.reject', {}, `token refused: ${msg.slice(0, 120)}`, 'medium');
    const http = HTTP_REQ.exec(msg);
    if (http) {
      const path = http[2]!.split('?')[0]!;
      return emit('storage.access', { op: HTTP_OPS[http[1]!], endpoint: path }, `${http[1]} ${path}${from ? ` from ${from}` : ''}`);
    }
    if (tident && / disc /.test(` ${msg} `)) return emit('log', {}, `xrootd session ${tident} disconnected`);
    return emit('log', {}, '');
  }

  end(): EventDraft[] {
    return [];
  }
}

export const xrootdParser: LogParser = {
  id: 'xrootd',
  label: 'XRootD server log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    const hits = lines.filter((l) => LINE.test(l)).length;
    if (!hits) return 0;
    const specific = lines.some((l) => /(XrootdXeq|scitokens_|XrdHttp|ofs_|Xrootd\w*):/.test(l));
    return Math.min(0.97, (hits / lines.length) * (specific ? 0.97 : 0.5) + (/xrootd/i.test(sample.name) ? 0.1 : 0));
  },
  open: (ctx) => new XrootdLines(ctx),
};
