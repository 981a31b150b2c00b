/**
 * `token.exposure` for lines a parser otherwise skips or cannot read: a credential written into a
 * log is evidence on its own (EVENTS.md), so no parser may drop a line the redactor found one in.
 */
import type { EventDraft } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LogParser } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { hostFromPath } from './identity';

/** One high-severity exposure event when `rl` held credentials; [] otherwise. */
export function tokenExposure(rl: RedactedLine, time: EventTime, ids: EventIds = {}): EventDraft[] {
  if (rl.secrets.length === 0) return [];
  const kinds = [...new Set(rl.secrets.map((s) => s.token.kind))].join(', ');
  return [
    {
      time,
      kind: 'token.exposure',
      ids: { ...ids, tokenFps: rl.secrets.map((s) => s.token.fp) },
      text: rl.text,
      severity: 'high',
      summary: `${rl.secrets.length} credential(s) (${kinds}) written into this log line`,
      src: { line: rl.line },
    },
  ];
}

/** The time of an earlier line, marked as borrowed, for a line that has none of its own. */
export function borrowedTime(prev: EventTime): EventTime {
  const note = 'time of an earlier line (this line has no timestamp)';
  return { ...prev, assumed: prev.assumed ? `${prev.assumed}; ${note}` : note };
}

/**
 * Wraps a parser so that any line holding a credential yields at least a `token.exposure`
 * event, even when the parser skips the line as chatter or reports it as malformed. `lineTime`
 * reads a line's own timestamp; lines without one borrow the last time seen (and say so); a
 * credential before any time is still listed by the redactor's token table, just not as an event.
 */
export function guardExposures(parser: LogParser, lineTime: (text: string, tz: string) => EventTime | undefined): LogParser {
  return {
    id: parser.id,
    label: parser.label,
    detect: (s) => parser.detect(s),
    open(ctx) {
      const inner = parser.open(ctx);
      const host = hostFromPath(ctx.input);
      let last: EventTime | undefined;
      return {
        line(rl) {
          const out = inner.line(rl);
          const own = rl.secrets.length > 0 || !last ? lineTime(rl.text, ctx.tz) : undefined;
          if (own) last = own;
          else if (out.length > 0) last = out[out.length - 1].time;
          if (rl.secrets.length === 0 || out.some((e) => (e.src?.line ?? rl.line) === rl.line)) return out;
          const t = own ?? (last ? borrowedTime(last) : undefined);
          return t ? [...out, ...tokenExposure(rl, t, host ? { host } : {})] : out;
        },
        end: () => inner.end(),
      };
    },
  };
}
