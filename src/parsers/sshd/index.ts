/**
 * sshd in syslog files (`auth.log`, `secure`; RFC 3164 `Nov 23 14:02:11 host sshd[pid]: …` with no
 * year or zone, or RFC 3339 high-precision stamps), `journalctl -o short-iso` text and
 * `journalctl -o json` lines (DOMAIN.md §9.1). Logins → `auth.login`, failures → `auth.fail`;
 * other programs' lines in the same file are skipped (not this parser's business).
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import type { EventIds } from '../../model/ids';
import { cleanEvent, exposureEvent, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { epochTime, isoTokenTime, syslogTokenTime } from '../common/stamp';
import { hostFromPath } from '../common/identity';

const RFC3164 = /^(\w{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}) (\S+) ([^\s[:]+)(?:\[(\d+)\])?: (.*)$/;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) (\S+) ([^\s[:]+)(?:\[(\d+)\])?: (.*)$/;

const ACCEPTED = /^Accepted (\S+) for (\S+) from (\S+) port (\d+)/;
const FAILED = /^Failed (\S+) for (?:invalid user )?(\S+) from (\S+) port (\d+)/;
const INVALID = /^Invalid user (\S*) from (\S+)(?: port (\d+))?/;
const CLOSED = /^Connection (?:closed|reset) by (?:authenticating|invalid) user (\S+) (\S+) port (\d+) \[preauth\]/;

interface Parsed {
  time: EventTime;
  host: string;
  prog: string;
  msg: string;
}

class SshdLines implements LineParser {
  private readonly pathHost: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    this.pathHost = hostFromPath(ctx.input);
  }

  private parse(line: RedactedLine): Parsed | undefined {
    const text = line.text;
    if (text.startsWith('{')) {
      try {
        const o = JSON.parse(text) as Record<string, unknown>;
        const t = epochTime(String(o.__REALTIME_TIMESTAMP ?? ''));
        const msg = o.MESSAGE;
        if (!t || typeof msg !== 'string') return undefined;
        return { time: t, host: String(o._HOSTNAME ?? ''), prog: String(o.SYSLOG_IDENTIFIER ?? o._COMM ?? ''), msg };
      } catch {
        return undefined;
      }
    }
    const a = RFC3339.exec(text);
    if (a) {
      const t = isoTokenTime(a[1]!, this.ctx);
      return t && { time: t, host: a[2]!, prog: a[3]!, msg: a[5]! };
    }
    const b = RFC3164.exec(text);
    if (b) {
      const t = syslogTokenTime(b[1]!, this.ctx);
      return t && { time: t, host: b[2]!, prog: b[3]!, msg: b[5]! };
    }
    return undefined;
  }

  line(line: RedactedLine): EventDraft[] {
    // A line starting with a letter or digit (every syslog stamp) is not blank: trim() only for the others.
    const c0 = line.text.charCodeAt(0);
    const word = (c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122);
    if ((!word && !line.text.trim()) || /^-- (Logs begin|No entries|Journal begins|Boot )/.test(line.text)) return [];
    const p = this.parse(line);
    if (!p) {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a syslog/journal line' });
      return [];
    }
    const host = p.host.toLowerCase() || this.pathHost;
    let kind: EventKind | undefined;
    let ids: { user?: string; ip?: string; port?: number } = {};
    let summary = '';
    if (p.prog === 'sshd' || p.prog.startsWith('sshd')) {
      // Each pattern only when the ones before it did not match (the first match wins).
      const acc = ACCEPTED.exec(p.msg);
      const fail = acc ? null : FAILED.exec(p.msg);
      const inv = acc || fail ? null : INVALID.exec(p.msg);
      const closed = acc || fail || inv ? null : CLOSED.exec(p.msg);
      if (acc) {
        kind = 'auth.login';
        ids = { user: acc[2], ip: normIp(acc[3]!), port: Number(acc[4]) };
        summary = `ssh login of ${acc[2]} from ${acc[3]} (${acc[1]})`;
      } else if (fail) {
        kind = 'auth.fail';
        ids = { user: fail[2], ip: normIp(fail[3]!), port: Number(fail[4]) };
        summary = `failed ssh ${fail[1]} for ${fail[2]} from ${fail[3]}`;
      } else if (inv) {
        kind = 'auth.fail';
        ids = { user: inv[1] || undefined, ip: normIp(inv[2]!), port: inv[3] ? Number(inv[3]) : undefined };
        summary = `ssh attempt for invalid user ${inv[1]} from ${inv[2]}`;
      } else if (closed) {
        kind = 'auth.fail';
        ids = { user: closed[1], ip: normIp(closed[2]!), port: Number(closed[3]) };
        summary = `ssh connection of ${closed[1]} from ${closed[2]} closed before authentication`;
      }
    }
    const severity = kind === 'auth.fail' ? 'low' : undefined;
    if (line.secrets.length > 0) {
      const out: EventDraft[] = [];
      // `{ host, ...ids }` (same keys, same order) without the spread, which V8 builds several times slower.
      if (kind) out.push(makeEvent(line, kind, p.time, Object.assign({ host }, ids), summary, severity));
      out.push(exposureEvent(line, p.time, Object.assign({ host }, ids), `the system log (${p.prog})`));
      return out;
    }
    if (!kind) return [];
    // The ids makeEvent would keep (cleanIds), in the same order, set one by one: no copy.
    const clean: EventIds = {};
    if (host) clean.host = host;
    if (ids.user) clean.user = ids.user;
    if (ids.ip) clean.ip = ids.ip;
    if (ids.port !== undefined && Number.isFinite(ids.port)) clean.port = ids.port;
    return [cleanEvent(line, kind, p.time, clean, summary, severity)];
  }

  end(): EventDraft[] {
    return [];
  }
}

export const sshdParser: LogParser = {
  id: 'sshd',
  label: 'sshd (auth.log / secure / journal)',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim() && !l.startsWith('-- '));
    if (!lines.length) return 0;
    const sys = lines.filter((l) => RFC3164.test(l) || RFC3339.test(l) || /^\{.*"__REALTIME_TIMESTAMP"/.test(l)).length / lines.length;
    if (sys < 0.5) return 0;
    const ssh = lines.some((l) => /sshd(?:\[\d+\])?:|"SYSLOG_IDENTIFIER"\s*:\s*"sshd"/.test(l));
    const named = /(auth\.log|secure|journal)/i.test(sample.name);
    return Math.min(0.9, sys * (ssh ? 0.85 : 0.3) + (named ? 0.05 : 0));
  },
  open: (ctx) => new SshdLines(ctx),
};
