/**
 * dCache domain logs (`/var/log/dcache/<domain>.log`), gPlazma / door authentication lines only.
 * Line format checked in dCache `skel/share/defaults/dcache.properties`:
 * `%d{dd MMM yyyy HH:mm:ss} (%X{cells.cell}) [%X{org.dcache.ndc}] %m` — local time, no zone.
 * Messages checked in dCache sources: `Login attempt failed: …` / `Login attempt failed; detailed
 * explanation follows:` (gPlazma RecordFailedLogins; the explanation tree follows on continuation
 * lines), `Login failed for <METHOD> on <path>: …` (http AuthenticationHandler), `Login failed: …`,
 * and OIDC plugin warnings (`Offline verification of JWT access tokens issued by OP …`,
 * `Failed to fetch discovery document …`). Everything else in a domain log is skipped.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { assumedTime, monthNumber } from '../common/time';
import { hostFromPath } from '../common/identity';

const LINE = /^(\d{2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) \(([^)]*)\) \[([^\]]*)\] ?(.*)$/;
const HTTP_FAIL = /^Login failed for (\w+) on (\S*): (.*)$/;
const GPLAZMA_FAIL = /^Login (?:attempt )?failed[:;] ?(.*)$/;
const OIDC_WARN = /Offline verification of JWT|discovery document|jwks_uri|token (?:is )?expired|Invalid (?:JWT|token)|issuer/i;
const HTTP_OPS: Record<string, string> = { GET: 'read', HEAD: 'stat', PUT: 'write', DELETE: 'delete', COPY: 'tpc', PROPFIND: 'stat', MKCOL: 'mkdir', MOVE: 'rename' };

class DomainLines implements LineParser {
  private prev: EventTime | undefined;
  private readonly pathHost: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    this.pathHost = hostFromPath(ctx.input);
  }

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = LINE.exec(line.text);
    if (!m) {
      // Multi-line messages (login explanation trees, stack traces) follow a dated line.
      if (!this.prev || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(line.text)) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a dCache domain log line (`dd MMM yyyy HH:mm:ss (cell) [session] …`)' });
        return [];
      }
      return hasSecret(line) ? [exposureEvent(line, { ...this.prev, assumed: `${this.prev.assumed}; continuation line` }, {}, 'a dCache domain log')] : [];
    }
    const month = monthNumber(m[2]!);
    if (!month) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: `unknown month ${m[2]!.slice(0, 10)}` });
      return [];
    }
    const time = assumedTime(line.text.slice(0, 20), this.ctx.tz, {
      year: Number(m[3]), month, day: Number(m[1]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]),
    });
    this.prev = time;
    const cell = m[7]!;
    const session = m[8]! || undefined;
    const msg = m[9]!;
    let kind: EventKind | undefined;
    let ids: Record<string, string | undefined> = { host: this.pathHost, session };
    let summary = '';
    const http = HTTP_FAIL.exec(msg);
    const gp = GPLAZMA_FAIL.exec(msg);
    if (http) {
      kind = 'auth.fail';
      ids = { ...ids, op: HTTP_OPS[http[1]!] ?? http[1]!.toLowerCase(), endpoint: http[2] || undefined };
      summary = `dCache ${cell}: login failed for ${http[1]} ${http[2]}: ${http[3]!.slice(0, 120)}`;
    } else if (gp) {
      kind = 'auth.fail';
      summary = `dCache ${cell}: login failed${gp[1] ? `: ${gp[1].slice(0, 120)}` : ''}`;
    } else if (OIDC_WARN.test(msg)) {
      kind = 'log';
      summary = `dCache ${cell}: ${msg.slice(0, 160)}`;
    }
    const out: EventDraft[] = [];
    if (kind) out.push(makeEvent(line, kind, time, ids, summary, kind === 'auth.fail' ? 'low' : undefined));
    if (hasSecret(line)) out.push(exposureEvent(line, time, ids, 'a dCache domain log'));
    return out;
  }

  end(): EventDraft[] {
    return [];
  }
}

export const dcacheDomainParser: LogParser = {
  id: 'dcache.domain',
  label: 'dCache domain log (authentication)',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    const hits = lines.filter((l) => LINE.test(l)).length;
    if (!hits) return 0;
    // Continuation lines (explanation trees, stack traces) are normal, so even a few dated lines count.
    return Math.min(0.9, 0.5 + (hits / lines.length) * 0.35 + (/Domain\.log/.test(sample.name) ? 0.05 : 0));
  },
  open: (ctx) => new DomainLines(ctx),
};
