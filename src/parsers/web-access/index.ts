/**
 * Apache / nginx access logs (DOMAIN.md §9.2): common and combined formats, optionally with a
 * leading virtual host (`%v`/`%v:%p`) and trailing custom fields such as `"%{Authorization}i"`.
 * One `http.request` per line; a `token.exposure` too when the redactor found a credential in
 * the line (upstream-redacted values such as `Bearer REDACTED` or `-` are not exposures).
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { clfTime } from '../common/stamp';
import { hostFromPath } from '../common/identity';

// Captures: 1 vhost, 2 %h, 3 %u, 4 %t, 5 request, 6 status, 7 bytes (%l and the rest are matched, not kept).
const LINE =
  /^(?:([A-Za-z0-9.-]+(?::\d+)?) )?(\S+) \S+ (\S+) \[(\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-).*$/;

class WebLines implements LineParser {
  private readonly pathHost: string | undefined;
  constructor(private readonly ctx: ParseContext) {
    this.pathHost = hostFromPath(ctx.input);
  }

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = LINE.exec(line.text);
    const time = m ? clfTime(m[4]!) : undefined;
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
    const ids = {
      host: vhost?.split(':')[0]?.toLowerCase() ?? this.pathHost,
      ip,
      clientHost: ip ? undefined : h!.toLowerCase(),
      user: u !== '-' ? u : undefined,
      endpoint: path,
      op: method,
      status: status !== '-' ? status : undefined,
    };
    const out = [makeEvent(line, 'http.request', time, ids, `${method ?? 'request'} ${path ?? '?'} from ${ip ?? h} → ${status} (${bytes} bytes)${ids.user ? ` as ${ids.user}` : ''}`)];
    if (hasSecret(line)) out.push(exposureEvent(line, time, ids, `a web access log (${this.ctx.input})`));
    return out;
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
