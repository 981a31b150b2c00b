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
import { cleanEvent, exposureEvent, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { expandYear, tzNote, wallTimeToUtc } from '../common/time';
import { digitsAt } from '../common/digits';
import { hostFromPath } from '../common/identity';

// `YYMMDD HH:MM:SS[.frac] thread prefix: message`. Only the parts read as strings are captured:
// the date and time digits sit at fixed places (read with `digitsAt`), which spares six strings and
// six Number() calls per line.
const LINE = /^\d{6} \d{2}:\d{2}:\d{2}(?:\.(\d{1,6}))? (\d+) ([^\s:]+): ?(.*)$/;
// Captures only what is read (user, host); pid and fd are matched, not kept.
const TIDENT = /([^\s.@]+)\.\d+:\d+@(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)/g;
const LOGIN = /(?:pub|pvt) (?:IPv4|IPv6|IP46|IP64) (?:(TLSv[\d.]+) )?login(?: as (\S+))?/;
const NEW_TOKEN = /New valid token (.*)$/;
const GRANT = /Grant authorization based on scopes for operation=([^,\s]+), path=(\S+)/;
const HTTP_REQ = /\b(GET|PUT|POST|DELETE|HEAD|PROPFIND|COPY|MKCOL|MOVE|OPTIONS) (\/\S*)/;
const TOKEN_REJECT = /Token already expired|Failed to deserialize SciToken|Token does not appear to be a valid JWT|Authorized issuer without a config/;
// Lines xrootd writes without a timestamp (configuration echo at start-up).
const ECHO = /^(Config|=====>|\+\+\+\+\+\+|------|Copr\.|\s|[a-z]+\.[a-z]+ |Plugin |\d+ )/;
// A line that starts with xrootd's time stamp is a log line, however its header then reads: one that
// fails LINE is malformed, not an echo (`\d+ ` above would otherwise drop it without a word).
const STAMPED = /^\d{6} \d{2}:\d{2}:\d{2}/;

const HTTP_OPS: Record<string, string> = {
  GET: 'read', HEAD: 'stat', PUT: 'write', POST: 'write', DELETE: 'delete', PROPFIND: 'stat', COPY: 'tpc', MKCOL: 'mkdir', MOVE: 'rename', OPTIONS: 'stat',
};

/**
 * What a message says: its kind, summary and the ids it adds to the session's (which ones: `adds`).
 * One object per parser, filled per line (no object per line; every field always set: one shape).
 */
interface Verdict {
  kind: EventKind;
  summary: string;
  severity: Severity | undefined;
  /** The ids the message sets over the session's: none, `user`, `sub iss user vo`, or `op endpoint`. */
  adds: Adds;
  user: string | undefined;
  sub: string | undefined;
  iss: string | undefined;
  vo: string | undefined;
  op: string | undefined;
  endpoint: string | undefined;
}

type Adds = 'none' | 'user' | 'token' | 'op';

interface Session {
  user: string;
  ip?: string;
  clientHost?: string;
  login?: string;
  sub?: string;
  iss?: string;
}

export interface TokenFields {
  mapped_username: string | undefined;
  subject: string | undefined;
  issuer: string | undefined;
  groups: string | undefined;
  authorizations: string | undefined;
  username: string | undefined;
}

/** The field name written at `at` and followed by `=`, or undefined (each name starts with its own letter). */
function fieldAt(s: string, at: number): keyof TokenFields | undefined {
  let name: keyof TokenFields;
  switch (s.charCodeAt(at)) {
    case 109 /* m */:
      name = 'mapped_username';
      break;
    case 115 /* s */:
      name = 'subject';
      break;
    case 105 /* i */:
      name = 'issuer';
      break;
    case 103 /* g */:
      name = 'groups';
      break;
    case 97 /* a */:
      name = 'authorizations';
      break;
    case 117 /* u */:
      name = 'username';
      break;
    default:
      return undefined;
  }
  if (s.charCodeAt(at + name.length) !== 61 /* = */) return undefined;
  // The rest compared by the native search, found at `at` or not (a character loop was slower).
  return s.indexOf(name, at) === at ? name : undefined;
}

/**
 * `subject=…, issuer=…, groups=/a,/b, authorizations=/p:read,stat;/q:create` → fields (values may
 * hold commas): a field starts at the line start or after `, ` (what `/(?:^|, )(name)=/g` finds;
 * the native search for `, ` replaced that regex's alternation tried at every position).
 */
export function tokenFields(s: string): TokenFields {
  // Every field from the start: one object shape whatever the line names (see Session).
  const out: TokenFields = { mapped_username: undefined, subject: undefined, issuer: undefined, groups: undefined, authorizations: undefined, username: undefined };
  let name: keyof TokenFields | undefined;
  let valueFrom = 0;
  for (;;) {
    // The next field name after the current value: at the line start (first search only), or after a `, `.
    let end = s.length;
    let next: keyof TokenFields | undefined;
    let nameAt = 0;
    if (valueFrom === 0) next = fieldAt(s, 0);
    if (next) end = 0;
    else {
      for (let p = s.indexOf(', ', valueFrom); p >= 0; p = s.indexOf(', ', p + 1)) {
        next = fieldAt(s, p + 2);
        if (next) {
          end = p;
          nameAt = p + 2;
          break;
        }
      }
    }
    if (name) out[name] = s.slice(valueFrom, end).trim();
    if (!next) return out;
    name = next;
    valueFrom = nameAt + next.length + 1;
  }
}

/**
 * The first client trace identity `user.pid:fd@host` in `msg`, or null.
 * Speed: unanchored, the regex backtracks through every word of lines that hold none (a profiled
 * hot spot), so it runs only when there is an `@`, and from the start of that word: a match ends
 * at an `@` and holds no space, so none can start earlier.
 */
function findTident(msg: string): RegExpExecArray | null {
  const at = msg.indexOf('@');
  if (at < 0) return null;
  // The word is mostly the message's first: no space before the `@` (lastIndexOf is a slow runtime call).
  const space = msg.indexOf(' ');
  TIDENT.lastIndex = space < 0 || space > at ? 0 : msg.lastIndexOf(' ', at) + 1;
  return TIDENT.exec(msg);
}

/** `/cms/pilot,/cms` → `cms`: the first group's top level (same as `split(',')[0].replace(/^\//, '').split('/')[0]`, without the arrays). */
export function voOfGroups(groups: string | undefined): string | undefined {
  if (groups === undefined) return undefined;
  const comma = groups.indexOf(',');
  let first = comma < 0 ? groups : groups.slice(0, comma);
  if (first.startsWith('/')) first = first.slice(1);
  const slash = first.indexOf('/');
  return slash < 0 ? first : first.slice(0, slash);
}

/** True when `word` stands alone (space-separated) in `msg`. */
function hasWord(msg: string, word: string): boolean {
  // An occurrence with a space or the message's end on each side (what searching the space-padded
  // message for ` word ` finds), without building padded strings per line.
  const n = word.length;
  for (let i = msg.indexOf(word); i >= 0; i = msg.indexOf(word, i + 1)) {
    if ((i === 0 || msg.charCodeAt(i - 1) === 32) && (i + n === msg.length || msg.charCodeAt(i + n) === 32)) return true;
  }
  return false;
}

/**
 * A literal that one of classify's first steps (login, token, grant, refusal, HTTP request) needs:
 * one search for the many messages that hold none, instead of one per step.
 */
const STEP_LITERALS = /login|New valid token|Grant authorization|Token|Authorized issuer| \//;

class XrootdLines implements LineParser {
  private readonly sessions = new Map<string, Session>();
  /**
   * Last tident per server thread id (digits). A dictionary, not a Map: a thread id is an array
   * index for V8, looked up without hashing the string (a Map lookup per line was a hot spot).
   */
  private readonly threadTident: Record<string, string | undefined> = Object.create(null);
  private host: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    // The start-up `initialization` line names the server; until then the input path may.
    this.host = hostFromPath(ctx.input);
  }

  private session(tident: string, user: string, where: string): Session {
    let s = this.sessions.get(tident);
    if (!s) {
      const bare = where.startsWith('[') || where.endsWith(']') ? where.replace(/^\[|\]$/g, '') : where;
      const ip = normIp(bare);
      // Every field from the start: sessions that gain a login or token later keep their shape.
      s = { user, ip, clientHost: ip ? undefined : where.toLowerCase(), login: undefined, sub: undefined, iss: undefined };
      this.sessions.set(tident, s);
    }
    return s;
  }

  line(line: RedactedLine): EventDraft[] {
    const text = line.text;
    // A line starting with a digit is not blank: trim() only for the others.
    const c0 = text.charCodeAt(0);
    if (!(c0 >= 48 && c0 <= 57) && !text.trim()) return [];
    if (!LINE.test(text)) {
      if (!ECHO.test(text) || STAMPED.test(text) || text.length > 4096) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not an xrootd log line (expected `YYMMDD HH:MM:SS tid prefix: …`)' });
      }
      return [];
    }
    // LINE's groups by the native search, without its match array: a `.` after the seconds starts
    // the fraction, and the fraction, thread id and prefix each end at the first ` ` / `:` after them.
    const fracEnd = text.charCodeAt(15) === 46 /* . */ ? text.indexOf(' ', 16) : 15;
    const fracDigits = fracEnd > 15 ? fracEnd - 16 : 0;
    const threadEnd = text.indexOf(' ', fracEnd + 1);
    const colon = text.indexOf(':', threadEnd + 1);
    const thread = text.slice(fracEnd + 1, threadEnd);
    const prefix = text.slice(threadEnd + 1, colon);
    const msg = text.slice(text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    // assumedTime's result, without its fields object. The first three fraction digits, missing
    // ones read as 0 (`.5` → 500 ms).
    const tz = this.ctx.tz;
    const ms = fracDigits ? digitsAt(text, 16, Math.min(3, fracDigits)) * (fracDigits >= 3 ? 1 : fracDigits === 2 ? 10 : 100) : 0;
    const ts = wallTimeToUtc(tz, expandYear(digitsAt(text, 0, 2)), digitsAt(text, 2, 2), digitsAt(text, 4, 2), digitsAt(text, 7, 2), digitsAt(text, 10, 2), digitsAt(text, 13, 2), ms);
    const time: EventTime = { ts, text: text.slice(0, fracEnd), assumed: tzNote(tz) };
    // The literal test first: the regex alone backtracks on every line (a profiled hot spot).
    const init = msg.includes(' initialization') ? /(\S+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}) initialization/.exec(msg) : null;
    if (init) this.host = init[2]!.toLowerCase();

    const t = findTident(msg);
    let tident: string | undefined;
    let sess: Session | undefined;
    if (t) {
      tident = t[0];
      sess = this.session(tident, t[1]!, t[2]!);
      this.threadTident[thread] = tident;
    } else if (prefix.startsWith('scitokens_')) {
      sess = this.sessions.get(this.threadTident[thread] ?? '');
      // A thread's last session that has since disconnected is no session for this line.
      tident = sess ? this.threadTident[thread] : undefined;
    }
    // The session's ids as they stand before the message updates the session.
    const host = this.host;
    const ip = sess?.ip;
    const clientHost = sess?.clientHost;
    let user = sess?.login;
    let sub = sess?.sub;
    let iss = sess?.iss;
    const v = this.classify(msg, tident, sess);
    if (line.secrets.length > 0) return this.withCredentials(line, time, { host, session: tident, ip, clientHost, user, sub, iss });
    // The message's ids over the session's (the same keys in the same places), then the ids
    // makeEvent would keep (cleanIds), set one by one: no copy.
    if (v.adds === 'user') user = v.user;
    else if (v.adds === 'token') {
      sub = v.sub;
      iss = v.iss;
      user = v.user;
    }
    const ids: EventIds = {};
    if (host) ids.host = host;
    if (tident) ids.session = tident;
    if (ip) ids.ip = ip;
    if (clientHost) ids.clientHost = clientHost;
    if (user) ids.user = user;
    if (sub) ids.sub = sub;
    if (iss) ids.iss = iss;
    if (v.adds === 'token') {
      if (v.vo) ids.vo = v.vo;
    } else if (v.adds === 'op') {
      if (v.op) ids.op = v.op;
      if (v.endpoint) ids.endpoint = v.endpoint;
    }
    return [cleanEvent(line, v.kind, time, ids, v.summary, v.severity)];
  }

  /** A line that held a credential: its event (the credential's claims fill gaps) and its `token.exposure`. */
  private withCredentials(line: RedactedLine, time: EventTime, base: EventIds): EventDraft[] {
    const v = this.verdict;
    // `{ ...base, ...message ids }`: the same keys in the same order as makeEvent merges into.
    if (v.adds === 'user') base.user = v.user;
    else if (v.adds === 'token') Object.assign(base, { sub: v.sub, iss: v.iss, user: v.user, vo: v.vo });
    else if (v.adds === 'op') Object.assign(base, { op: v.op, endpoint: v.endpoint });
    return [makeEvent(line, v.kind, time, base, v.summary, v.severity), exposureEvent(line, time, base, 'an xrootd log')];
  }

  private readonly verdict: Verdict = { kind: 'log', summary: '', severity: undefined, adds: 'none', user: undefined, sub: undefined, iss: undefined, vo: undefined, op: undefined, endpoint: undefined };

  /** The verdict's kind, summary and severity, nothing added. */
  private says(kind: EventKind, summary: string, severity?: Severity): Verdict {
    const v = this.verdict;
    v.kind = kind;
    v.summary = summary;
    v.severity = severity;
    v.adds = 'none';
    return v;
  }

  /** What a message says (kind, its own ids, summary); updates the session it belongs to. */
  private classify(msg: string, tident: string | undefined, sess: Session | undefined): Verdict {
    if (STEP_LITERALS.test(msg)) {
      const v = this.classifyStep(msg, sess);
      if (v) return v;
    }
    if (tident && hasWord(msg, 'disc')) {
      // The session ends here (this line keeps its identity): a client that reconnects with the
      // same tident (the same process reusing a file descriptor) starts a new session, and must
      // not inherit the old one's token subject.
      this.sessions.delete(tident);
      return this.says('log', `xrootd session ${tident} disconnected`);
    }
    return this.says('log', '');
  }

  /** Login, token, grant, refusal or HTTP request lines; undefined for other messages. */
  private classifyStep(msg: string, sess: Session | undefined): Verdict | undefined {
    const from = sess ? (sess.ip ?? sess.clientHost) : undefined;
    // Each regex only after a literal it needs is in the message: most lines match none of them.
    const login = msg.includes('login') ? LOGIN.exec(msg) : null;
    if (login && sess) {
      sess.login = login[2];
      const v = this.says('auth.login', `xrootd login${login[2] ? ` as ${login[2]}` : ''} from ${from ?? '?'}${login[1] ? ` over ${login[1]}` : ''}`);
      v.adds = 'user';
      v.user = login[2] ?? sess.user;
      return v;
    }
    const tok = msg.includes('New valid token') ? NEW_TOKEN.exec(msg) : null;
    if (tok) {
      const f = tokenFields(tok[1]!);
      if (sess) {
        sess.sub = f.subject;
        sess.iss = f.issuer;
        sess.login = f.mapped_username ?? sess.login;
      }
      const v = this.says('token.use', `token of ${f.subject ?? '?'} (${f.issuer ?? '?'}) accepted, mapped to ${f.mapped_username ?? '?'}${from ? ` for ${from}` : ''}`);
      v.adds = 'token';
      v.sub = f.subject;
      v.iss = f.issuer;
      v.user = f.mapped_username ?? f.username;
      v.vo = voOfGroups(f.groups);
      return v;
    }
    const grant = msg.includes('Grant authorization') ? GRANT.exec(msg) : null;
    if (grant) return this.adds(this.says('storage.access', `token scopes allow ${grant[1]} on ${grant[2]}${from ? ` for ${from}` : ''}`), grant[1], grant[2]);
    // Every TOKEN_REJECT alternative holds `Token` or is the `Authorized issuer` one.
    if ((msg.includes('Token') || msg.includes('Authorized issuer')) && TOKEN_REJECT.test(msg)) return this.says('token.reject', `token refused: ${msg.slice(0, 120)}`, 'medium');
    const http = msg.includes(' /') ? HTTP_REQ.exec(msg) : null;
    if (http) {
      const path = http[2]!.split('?')[0]!;
      return this.adds(this.says('storage.access', `${http[1]} ${path}${from ? ` from ${from}` : ''}`), HTTP_OPS[http[1]!], path);
    }
    return undefined;
  }

  /** The verdict, adding an operation and its path. */
  private adds(v: Verdict, op: string | undefined, endpoint: string | undefined): Verdict {
    v.adds = 'op';
    v.op = op;
    v.endpoint = endpoint;
    return v;
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
