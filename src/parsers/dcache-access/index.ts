/**
 * dCache access log (NetLogger `level=… ts=… event=… key=value`, DOMAIN.md §5.1): one
 * `storage.access` per request, `token.reject` for 401/403 that mapped to nobody.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { cleanEvent, exposureEvent, makeEvent } from '../common/draft';
import { KvPicker } from '../common/kv';
import { isIpv4Port, splitHostPort } from '../common/net';
import { isoTokenTime } from '../common/stamp';

const LINE = /^level=\S+ ts=(\S+) event=(\S+)/;
/**
 * A LINE line with no whitespace but ` ` (nearly all): one test, no captures, and it tells the kv
 * picker that values end at the next ` ` (a test it would run over the whole line again). Its
 * `ts` and `event` values are then found with the native search for ` `.
 */
const PLAIN_LINE = /^level=\S+ ts=\S+ event=\S[^\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$/;
/** PLAIN_LINE for a line of printable ASCII (nearly every one): the simpler class is a quicker scan. */
const PLAIN_ASCII_LINE = /^level=\S+ ts=\S+ event=\S[ -~]*$/;

// The pairs this parser reads, by index into the picker's output.
const KEYS = ['request.method', 'request.url', 'socket.remote', 'response.code', 'user.mapped', 'user.sub', 'user.jti', 'user.dn', 'session'] as const;
const [METHOD, URL_, REMOTE, CODE, MAPPED, SUB, JTI, DN, SESSION] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

const OPS: Record<string, string> = {
  GET: 'read',
  HEAD: 'stat',
  PUT: 'write',
  POST: 'write',
  DELETE: 'delete',
  COPY: 'tpc',
  MOVE: 'rename',
  MKCOL: 'mkdir',
  PROPFIND: 'stat',
  OPTIONS: 'stat',
};

/** OPS by the method as dCache writes it (upper case): no case conversion per line. */
const OPS_EXACT = new Map(Object.entries(OPS));

/** `value@op-alias` → value (dCache principal names carry the OP alias after the last `@`). */
function stripOp(v: string | undefined): string | undefined {
  if (!v) return undefined;
  // Names hold one `@`: found by indexOf (lastIndexOf is a slow runtime call in V8), the last one
  // looked for only when there is a second.
  let at = v.indexOf('@');
  if (at >= 0 && v.indexOf('@', at + 1) >= 0) at = v.lastIndexOf('@');
  return at > 0 ? v.slice(0, at) : v;
}

/**
 * `http(s)://host[:port]/path` in a form the WHATWG URL parser returns unchanged: a host name
 * whose last label starts with a letter (never read as an IPv4 number), no IDN, userinfo, query,
 * `%` escape or dot segment. Speed: `new URL` was a third of this parser's time and nearly every
 * dCache request URL has this form; anything else still goes through `new URL`.
 */
const PLAIN_HTTP_URL = /^https?:\/\/((?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*)(?::(\d{1,5}))?(\/[\w.~+,=/-]*)$/;
/** PLAIN_HTTP_URL's path part, for a URL whose scheme and authority were read before. */
const PLAIN_PATH = /^\/[\w.~+,=/-]*$/;

/**
 * The scheme and authority (`https://host:port`) of the last plain URL with a usable host and port,
 * and its host lower-cased. A door's log names one authority line after line: a URL that starts
 * with it and a `/` splits there (PLAIN_HTTP_URL's parts cannot overlap: the host holds no `:` or
 * `/`), so only its path is checked.
 */
let lastAuthority = { prefix: '', host: '' };

function plainUrlParts(u: string): { host: string; path: string } | undefined {
  const known = lastAuthority.prefix;
  if (known && u.charCodeAt(known.length) === 47 /* / */ && u.indexOf(known) === 0) {
    const path = u.slice(known.length);
    return PLAIN_PATH.test(path) && !path.includes('/.') ? { host: lastAuthority.host, path } : undefined;
  }
  const m = PLAIN_HTTP_URL.exec(u);
  if (!m) return undefined;
  const raw = m[1]!;
  if (raw.includes('xn--') || (m[2] !== undefined && Number(m[2]) > 65535)) return undefined;
  const path = m[3]!;
  lastAuthority = { prefix: u.slice(0, u.length - path.length), host: raw.toLowerCase() };
  if (path.includes('/.')) return undefined;
  return { host: lastAuthority.host, path };
}

/** Host (lower-case) and decoded path of a request URL; a bare path when it is not a URL. */
export function urlParts(u: string | undefined): { host?: string; path?: string } {
  if (!u) return {};
  const plain = plainUrlParts(u);
  if (plain) return plain;
  try {
    const url = new URL(u);
    return { host: url.hostname.toLowerCase(), path: decodeURIComponent(url.pathname) };
  } catch {
    return { path: u.startsWith('/') ? u : undefined };
  }
}

class DcacheAccessLines implements LineParser {
  private readonly picker = new KvPicker(KEYS);
  /** The picked values of the current line (reused: read within `line`). */
  private readonly kv: (string | undefined)[] = [];
  constructor(private readonly ctx: ParseContext) {}

  line(line: RedactedLine): EventDraft[] {
    const text = line.text;
    // A line starting with `l` is not blank: trim() only for the others.
    if (text.charCodeAt(0) !== 108 /* l */ && !text.trim()) return [];
    let ts: string;
    /** Where the event name starts (plain lines), or -1 when `event` holds it. */
    let eventAt = -1;
    let event = '';
    const plain = PLAIN_ASCII_LINE.test(text) || PLAIN_LINE.test(text);
    if (plain) {
      // `level=` and its value hold no ` `: the first one after them starts ` ts=`.
      const tsAt = text.indexOf(' ', 6) + 4;
      const tsEnd = text.indexOf(' ', tsAt);
      ts = text.slice(tsAt, tsEnd);
      eventAt = tsEnd + 7;
    } else {
      const m = LINE.exec(text);
      if (!m) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a dCache access-log line (expected `level=… ts=… event=…`)' });
        return [];
      }
      ts = m[1]!;
      event = m[2]!;
    }
    const time = isoTokenTime(ts, this.ctx);
    if (!time) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: `unreadable ts=${ts.slice(0, 40)}` });
      return [];
    }
    const kv = this.kv;
    // Not plain: the picker looks for other whitespace itself.
    this.picker.pick(text, kv, plain || undefined);
    const method = kv[METHOD];
    const { host, path } = urlParts(kv[URL_]);
    const remote = kv[REMOTE];
    let ip: string | undefined;
    let port: number | undefined;
    if (remote) {
      if (isIpv4Port(remote)) {
        const colon = remote.indexOf(':');
        ip = remote.slice(0, colon);
        port = Number(remote.slice(colon + 1));
      } else {
        const peer = splitHostPort(remote);
        ip = peer.ip;
        port = peer.port;
      }
    }
    const status = kv[CODE];
    const mapped = kv[MAPPED];
    const sub = stripOp(kv[SUB]);
    const jti = stripOp(kv[JTI]);
    const dn = kv[DN];
    const session = kv[SESSION];
    const op = method ? (OPS_EXACT.get(method) ?? OPS[method.toUpperCase()] ?? method.toLowerCase()) : undefined;
    const refused = (status === '401' || status === '403') && (!mapped || mapped.startsWith('nobody'));
    let kind: EventKind = method ? 'storage.access' : 'log';
    if (refused) kind = 'token.reject';
    const who = sub ? `subject ${sub}` : (dn ?? 'anonymous');
    if (!method && eventAt >= 0) {
      const end = text.indexOf(' ', eventAt);
      event = text.slice(eventAt, end < 0 ? text.length : end);
    }
    const summary = method ? `${method} ${path ?? '?'} by ${who} from ${ip ?? '?'} → ${status ?? '?'}${refused ? ' (refused)' : ''}` : `dCache ${event}`;
    const severity = refused ? 'medium' : undefined;
    if (line.secrets.length > 0) {
      // The credential's claims are merged into these ids (makeEvent): every field in its place.
      const ids = { host, ip, port, sub, jti, dn, endpoint: path, op, status, session };
      return [makeEvent(line, kind, time, ids, summary, severity), exposureEvent(line, time, ids, 'a dCache access log')];
    }
    // The ids makeEvent would keep (cleanIds), in the same order, set one by one: no copy.
    const ids: EventIds = {};
    if (host) ids.host = host;
    if (ip) ids.ip = ip;
    if (port !== undefined && Number.isFinite(port)) ids.port = port;
    if (sub) ids.sub = sub;
    if (jti) ids.jti = jti;
    if (dn) ids.dn = dn;
    if (path) ids.endpoint = path;
    if (op) ids.op = op;
    if (status) ids.status = status;
    if (session) ids.session = session;
    return [cleanEvent(line, kind, time, ids, summary, severity)];
  }

  end(): EventDraft[] {
    return [];
  }
}

export const dcacheAccessParser: LogParser = {
  id: 'dcache.access',
  label: 'dCache access log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    if (!lines.length) return 0;
    const hits = lines.filter((l) => LINE.test(l)).length;
    if (!hits) return 0;
    const dcache = lines.some((l) => /event=org\.dcache\./.test(l));
    return Math.min(1, (hits / lines.length) * (dcache ? 0.98 : 0.6) + (/\.access(\.|$)/.test(sample.name) ? 0.02 : 0));
  },
  open: (ctx) => new DcacheAccessLines(ctx),
};
