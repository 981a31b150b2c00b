/**
 * Apache / nginx access logs (DOMAIN.md §9.2): common and combined formats, optionally with a
 * leading virtual host (`%v`/`%v:%p`) and trailing custom fields such as `"%{Authorization}i"`.
 * One `http.request` per line; a `token.exposure` too when the redactor found a credential in
 * the line (upstream-redacted values such as `Bearer REDACTED` or `-` are not exposures).
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventIds } from '../../model/ids';
import type { EventTime } from '../../model/time';
import { digitsAt } from '../common/digits';
import { cleanEvent, exposureEvent, makeEvent } from '../common/draft';
import { hostFromPath } from '../common/identity';
import { normIp } from '../common/net';
import { monthOfAbbr, offsetTimeToUtc } from '../common/time';

// Captures: 1 vhost, 2 %h, 3 %u, 4 %t, 5 request, 6 status, 7 bytes (%l and the rest are matched, not kept).
const LINE =
  /^(?:([A-Za-z0-9.-]+(?::\d+)?) )?(\S+) \S+ (\S+) \[(\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-).*$/;

/**
 * `clfTime(stamp)` for the `%t` LINE matched (`dd/Mon/yyyy:hh:mm:ss ±hhmm`, its digits at fixed
 * places): the same result without clfTime's second regex; undefined when the month is not one of
 * the twelve names (which clfTime's regex requires).
 */
function stampTime(stamp: string): EventTime | undefined {
  const month = monthOfAbbr(stamp.slice(3, 6));
  if (month === undefined) return undefined;
  const off = digitsAt(stamp, 22, 2) * 60 + digitsAt(stamp, 24, 2);
  const ts = offsetTimeToUtc(stamp.charCodeAt(21) === 45 /* - */ ? -off : off, digitsAt(stamp, 7, 4), month, digitsAt(stamp, 0, 2), digitsAt(stamp, 12, 2), digitsAt(stamp, 15, 2), digitsAt(stamp, 18, 2));
  return { ts, text: stamp };
}

class WebLines implements LineParser {
  private readonly pathHost: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    this.pathHost = hostFromPath(ctx.input);
  }

  line(line: RedactedLine): EventDraft[] {
    const text = line.text;
    // A line starting with a letter or digit (a client or a virtual host) is not blank: trim() only for the others.
    const c0 = text.charCodeAt(0);
    if (!((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) && !text.trim()) return [];
    const m = LINE.exec(text);
    const time = m ? stampTime(m[4]!) : undefined;
    if (!m || !time) {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not an access-log line (`%h %l %u [%t] "%r" %>s %b …`)' });
      return [];
    }
    // Indexed, not destructured: no iterator protocol per line.
    const vhost = m[1];
    const h = m[2]!;
    const u = m[3]!;
    const req = m[5]!;
    const status = m[6]!;
    const bytes = m[7]!;
    const ip = normIp(h!);
    // `req.split(' ')`'s first two parts and the target before `?`, without the arrays (a third of
    // this parser's time): a request with no space has neither method nor target.
    const sp = req.indexOf(' ');
    const method = sp >= 0 ? req.slice(0, sp) : undefined;
    let target: string | undefined;
    if (sp >= 0) {
      const sp2 = req.indexOf(' ', sp + 1);
      target = req.slice(sp + 1, sp2 < 0 ? req.length : sp2);
    }
    const q = target === undefined ? -1 : target.indexOf('?');
    const path = q < 0 ? target : target!.slice(0, q);
    let host = this.pathHost;
    if (vhost !== undefined) {
      const colon = vhost.indexOf(':');
      host = (colon < 0 ? vhost : vhost.slice(0, colon)).toLowerCase();
    }
    const clientHost = ip ? undefined : h.toLowerCase();
    const user = u !== '-' ? u : undefined;
    const summary = `${method ?? 'request'} ${path ?? '?'} from ${ip ?? h} → ${status} (${bytes} bytes)${user ? ` as ${user}` : ''}`;
    if (line.secrets.length > 0) {
      const ids = { host, ip, clientHost, user, endpoint: path, op: method, status: status !== '-' ? status : undefined };
      return [makeEvent(line, 'http.request', time, ids, summary), exposureEvent(line, time, ids, `a web access log (${this.ctx.input})`)];
    }
    // The ids makeEvent would keep (cleanIds), in the same order, set one by one: no copy.
    const ids: EventIds = {};
    if (host) ids.host = host;
    if (ip) ids.ip = ip;
    if (clientHost) ids.clientHost = clientHost;
    if (user) ids.user = user;
    if (path) ids.endpoint = path;
    if (method) ids.op = method;
    if (status !== '-') ids.status = status;
    return [cleanEvent(line, 'http.request', time, ids, summary)];
  }

  end(): EventDraft[] {
    return [];
  }
}

export const webAccessParser: LogParser = {
  id: 'web.access',
  label: 'Apache / nginx access log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    if (!lines.length) return 0;
    const ok = lines.filter((l) => LINE.test(l)).length / lines.length;
    if (ok < 0.5) return 0;
    return Math.min(0.95, ok * 0.9 + (/access/i.test(sample.name) ? 0.05 : 0));
  },
  open: (ctx) => new WebLines(ctx),
};
