/**
 * dCache access log (NetLogger `level=… ts=… event=… key=value`, DOMAIN.md §5.1): one
 * `storage.access` per request, `token.reject` for 401/403 that mapped to nobody.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { KvPicker } from '../common/kv';
import { splitHostPort } from '../common/net';
import { isoTime } from '../common/stamp';

const LINE = /^level=\S+ ts=(\S+) event=(\S+)/;

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
  const at = v.lastIndexOf('@');
  return at > 0 ? v.slice(0, at) : v;
}

/**
 * `http(s)://host[:port]/path` in a form the WHATWG URL parser returns unchanged: a host name
 * whose last label starts with a letter (never read as an IPv4 number), no IDN, userinfo, query,
 * `%` escape or dot segment. Speed: `new URL` was a third of this parser's time and nearly every
 * dCache request URL has this form; anything else still goes through `new URL`.
 */
const PLAIN_HTTP_URL = /^https?:\/\/((?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*)(?::(\d{1,5}))?(\/[\w.~+,=/-]*)$/;

function plainUrlParts(u: string): { host: string; path: string } | undefined {
  const m = PLAIN_HTTP_URL.exec(u);
  if (!m) return undefined;
  // A door's log names one host line after line: its checks and lower-case form are kept.
  const raw = m[1]!;
  if (raw !== last.raw) last = { raw, lower: raw.toLowerCase(), idn: raw.includes('xn--') };
  if (last.idn || m[3]!.includes('/.') || (m[2] !== undefined && Number(m[2]) > 65535)) return undefined;
  return { host: last.lower, path: m[3]! };
}

let last = { raw: '', lower: '', idn: false };

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
    if (!line.text.trim()) return [];
    const m = LINE.exec(line.text);
    if (!m) {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a dCache access-log line (expected `level=… ts=… event=…`)' });
      return [];
    }
    const time = isoTime(m[1]!, this.ctx);
    if (!time) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: `unreadable ts=${m[1]!.slice(0, 40)}` });
      return [];
    }
    const kv = this.kv;
    this.picker.pick(line.text, kv);
    const method = kv[METHOD];
    const { host, path } = urlParts(kv[URL_]);
    const remote = kv[REMOTE];
    const peer = remote ? splitHostPort(remote) : undefined;
    const status = kv[CODE];
    const mapped = kv[MAPPED];
    const sub = stripOp(kv[SUB]);
    const dn = kv[DN];
    const ids = {
      host,
      ip: peer?.ip,
      port: peer?.port,
      sub,
      jti: stripOp(kv[JTI]),
      dn,
      endpoint: path,
      op: method ? (OPS_EXACT.get(method) ?? OPS[method.toUpperCase()] ?? method.toLowerCase()) : undefined,
      status,
      session: kv[SESSION],
    };
    const refused = (status === '401' || status === '403') && (!mapped || mapped.startsWith('nobody'));
    let kind: EventKind = method ? 'storage.access' : 'log';
    if (refused) kind = 'token.reject';
    const who = sub ? `subject ${sub}` : (dn ?? 'anonymous');
    const summary = method
      ? `${method} ${path ?? '?'} by ${who} from ${peer?.ip ?? '?'} → ${status ?? '?'}${refused ? ' (refused)' : ''}`
      : `dCache ${m[2]}`;
    const out = [makeEvent(line, kind, time, ids, summary, refused ? 'medium' : undefined)];
    if (hasSecret(line)) out.push(exposureEvent(line, time, ids, 'a dCache access log'));
    return out;
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
