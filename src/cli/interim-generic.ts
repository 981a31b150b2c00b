/**
 * INTERIM fallback parser for `analyze` until src/parsers/generic (`genericParser`) lands on main.
 * A line with an ISO-8601 time becomes a `log` event; a line with a credential becomes a
 * `token.exposure` event whatever its time.
 */
import type { EventDraft } from '../model/event';
import type { LogParser } from '../model/parser';

const ISO = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?/;
/** Where a log line's own time stands: near its start (a JSON line's "@timestamp" too). */
const HEAD = 80;

export const interimGeneric: LogParser = {
  id: 'generic',
  label: 'Generic text',
  detect: () => 0,
  open: (ctx) => ({
    line(l): EventDraft[] {
      const m = ISO.exec(l.text.length > HEAD ? l.text.slice(0, HEAD) : l.text);
      const fps = l.secrets.map((s) => s.token.fp);
      if (!m && fps.length === 0) return [];
      let time = { ts: 0, text: '', assumed: 'time unknown' } as EventDraft['time'];
      if (m) {
        const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
        let ts = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms);
        const z = m[8];
        if (z && z !== 'Z') {
          const sign = z[0] === '-' ? -1 : 1;
          const d = z.slice(1).replace(':', '');
          ts -= sign * (Number(d.slice(0, 2)) * 60 + Number(d.slice(2))) * 60_000;
        }
        time = z ? { ts, text: m[0] } : { ts, text: m[0], assumed: `tz=UTC (zone-less; ${ctx.tz} not applied by the interim parser)` };
      }
      if (fps.length) return [{ time, kind: 'token.exposure', ids: { tokenFps: fps }, text: l.text, severity: 'high', summary: 'credential in a log line' }];
      return [{ time, kind: 'log', ids: {}, text: l.text }];
    },
    end: () => [],
  }),
};
