/**
 * INDIGO IAM audit log (DOMAIN.md §7): the `AUDIT` logger writes one JSON object per event, after
 * a logback prefix or alone. Field names checked against indigo-iam/iam sources
 * (`AccessTokenIssuedEvent` property order `timestamp, @type, category, principal, message,
 * scopes, subject, grantType, header, payload, refreshTokenJti, source`; `TokenEvent` body =
 * token claims, older releases as `body`, newer as `payload`). The DOMAIN.md names (`tokenJti`,
 * `jti`, `clientId`, `client_id`, `scope`) are accepted too. Remote IP fields are not part of the
 * confirmed token events (`source` is usually a Java class name); an IP is taken only when a
 * field holds a valid address.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import type { EventIds } from '../../model/ids';
import { cleanEvent, exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { epochTime, isoTime } from '../common/stamp';
import { hostFromPath } from '../common/identity';

const PREFIX = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s+(?:\[[^\]]*\]\s+)?([A-Z]+)\s+(\S+)\s+-\s?(.*)$/;

type Json = Record<string, unknown>;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function obj(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function kindOf(type: string, grantType: string | undefined): EventKind {
  if (/AccessTokenRefreshed/i.test(type)) return 'token.refresh';
  if (/AccessTokenIssued/i.test(type)) return grantType === 'refresh_token' ? 'token.refresh' : 'token.issue';
  if (/TokenIssued/i.test(type)) return 'token.issue';
  if (/Authentication.*Success|Login.*Success/i.test(type)) return 'auth.login';
  if (/Fail|Denied|BadCredentials/i.test(type)) return 'auth.fail';
  return 'log';
}

/** kindOf for the last type and grant type asked about: an audit log repeats a handful of them. */
let lastKind = { type: '', grantType: undefined as string | undefined, kind: 'log' as EventKind };

function kindOfCached(type: string, grantType: string | undefined): EventKind {
  if (type !== lastKind.type || grantType !== lastKind.grantType) lastKind = { type, grantType, kind: kindOf(type, grantType) };
  return lastKind.kind;
}

/** The issuer URL's host, lower-case (undefined when it is no URL), for the last issuer asked about: `new URL` per line was a fifth of this parser's time. */
let lastIssuer = { iss: '', host: undefined as string | undefined };

function issuerHost(iss: string): string | undefined {
  if (iss !== lastIssuer.iss) {
    let host: string | undefined;
    try {
      host = new URL(iss).hostname.toLowerCase();
    } catch {
      host = undefined;
    }
    lastIssuer = { iss, host };
  }
  return lastIssuer.host;
}

function firstIp(...vals: unknown[]): string | undefined {
  for (const v of vals) {
    const s = str(v);
    const ip = s ? normIp(s) : undefined;
    if (ip) return ip;
  }
  return undefined;
}

class IamAuditLines implements LineParser {
  /** IAM host from the input path (hand-overs put each machine's logs under its name). */
  private readonly pathHost: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    this.pathHost = hostFromPath(ctx.input);
  }

  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text) return [];
    let json = text;
    // The prefix's stamp, read only when the record's own timestamp is missing or unreadable.
    let prefixStamp: string | undefined;
    if (!text.startsWith('{')) {
      const p = PREFIX.exec(text);
      if (!p) {
        // Stack traces and wrapped messages of the Spring log are expected; anything else is not ours.
        if (/^(at |Caused by:|\.\.\. \d+ more|[\w.$]+(Exception|Error)\b)/.test(text)) return this.exposureOnly(line);
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'neither an IAM log line nor a JSON audit record' });
        return [];
      }
      prefixStamp = p[1]!;
      json = p[4]!.trim();
      if (!json.startsWith('{')) return this.exposureOnly(line, isoTime(prefixStamp, this.ctx));
    }
    let rec: Json;
    try {
      const parsed: unknown = JSON.parse(json);
      const o = obj(parsed);
      if (!o) throw new Error('not an object');
      rec = o;
    } catch {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'audit record is not valid JSON (truncated?)' });
      return this.exposureOnly(line, prefixStamp === undefined ? undefined : isoTime(prefixStamp, this.ctx));
    }
    const ts = rec.timestamp;
    const time = (typeof ts === 'number' || typeof ts === 'string' ? (epochTime(ts) ?? isoTime(String(ts), this.ctx)) : undefined) ?? (prefixStamp === undefined ? undefined : isoTime(prefixStamp, this.ctx));
    if (!time) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: 'audit record without a readable timestamp' });
      return [];
    }
    const claims = obj(rec.payload) ?? obj(rec.body) ?? {};
    const type = str(rec['@type']) ?? str(rec.type) ?? 'unknown';
    const grantType = str(rec.grantType) ?? str(rec.grant_type);
    const iss = str(claims.iss) ?? str(rec.issuer);
    const host = (iss ? issuerHost(iss) : undefined) ?? this.pathHost;
    const principal = str(rec.principal);
    const ids = {
      host,
      iss,
      sub: str(rec.subject) ?? str(claims.sub),
      user: principal && principal !== '<unknown>' ? principal : undefined,
      jti: str(rec.tokenJti) ?? str(rec.jti) ?? str(claims.jti),
      clientId: str(rec.clientId) ?? str(rec.client_id) ?? str(claims.client_id),
      grantType,
      ip: firstIp(rec.remoteAddress, rec.remote_address, rec.sourceIp, rec.source_ip, rec.ip, obj(rec.details)?.remoteAddress, rec.source),
    };
    const kind = kindOfCached(type, grantType);
    const scope = str(rec.scope) ?? (Array.isArray(rec.scopes) ? rec.scopes.join(' ') : str(rec.scopes)) ?? str(claims.scope);
    const summary = `IAM ${type}${ids.user ? ` for ${ids.user}` : ''}${grantType ? ` (${grantType})` : ''}${ids.clientId ? ` client ${ids.clientId}` : ''}${scope ? ` scope "${scope}"` : ''}`;
    const severity = kind === 'auth.fail' ? 'low' : undefined;
    if (hasSecret(line)) return [makeEvent(line, kind, time, ids, summary, severity), exposureEvent(line, time, ids, 'the IAM log')];
    // The ids makeEvent would keep (cleanIds), in the same order, set one by one: no copy.
    const clean: EventIds = {};
    if (host) clean.host = host;
    if (ids.iss) clean.iss = ids.iss;
    if (ids.sub) clean.sub = ids.sub;
    if (ids.user) clean.user = ids.user;
    if (ids.jti) clean.jti = ids.jti;
    if (ids.clientId) clean.clientId = ids.clientId;
    if (grantType) clean.grantType = grantType;
    if (ids.ip) clean.ip = ids.ip;
    return [cleanEvent(line, kind, time, clean, summary, severity)];
  }

  private exposureOnly(line: RedactedLine, time?: EventTime): EventDraft[] {
    if (!hasSecret(line) || !time) return [];
    return [exposureEvent(line, time, {}, 'the IAM log')];
  }

  end(): EventDraft[] {
    return [];
  }
}

export const iamAuditParser: LogParser = {
  id: 'iam.audit',
  label: 'INDIGO IAM audit log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    const audit = lines.filter((l) => /"@type"\s*:\s*"\w+Event"/.test(l) || /\bAUDIT\s+-\s+\{/.test(l)).length;
    if (!audit) return /iam-login-service|iam.*audit/i.test(sample.name) && lines.some((l) => PREFIX.test(l)) ? 0.3 : 0;
    return Math.min(0.97, 0.7 + (0.27 * audit) / lines.length);
  },
  open: (ctx) => new IamAuditLines(ctx),
};
