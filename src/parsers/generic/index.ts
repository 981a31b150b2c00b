/**
 * Generic parser: the fallback for text no specific parser claims. Every non-empty line becomes a
 * `log` event (or `token.exposure` when the redactor found a credential in it) carrying the first
 * IP and FQDN it mentions. Lines without their own time take the previous line's time or the file
 * time, and say so in `time.assumed`.
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { findHosts, findIps } from '../common/net';
import { anyTime, carriedTime } from '../common/stamp';

/** Time used when neither the line, an earlier line nor the file gives one. */
const UNKNOWN_TIME: EventTime = { ts: 0, text: '', assumed: 'time unknown (no time in line, earlier lines or file)' };

class GenericLines implements LineParser {
  private prev: EventTime | undefined;
  private untimed = 0;
  private firstUntimed = 0;
  constructor(private readonly ctx: ParseContext) {}

  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text) return [];
    const own = anyTime(line.text, this.ctx);
    if (own) this.prev = own;
    let time = own ?? carriedTime(this.prev, this.ctx);
    const ips = findIps(line.text);
    const hosts = findHosts(line.text);
    const ids = { ip: ips[0], host: hosts[0] };
    if (!time) {
      // Nothing to anchor it in time: keep credential sightings (they matter whatever the time),
      // count the rest in one problem record instead of inventing a 1970 timeline.
      if (!hasSecret(line)) {
        if (this.untimed++ === 0) this.firstUntimed = line.line;
        return [];
      }
      time = UNKNOWN_TIME;
    }
    if (hasSecret(line)) return [exposureEvent(line, time, ids, this.ctx.input)];
    return [makeEvent(line, 'log', time, ids)];
  }

  end(): EventDraft[] {
    if (this.untimed > 0) {
      this.ctx.problem({
        code: 'time.unparsed',
        line: this.firstUntimed,
        message: `${this.untimed} line(s) without any time (none in the line, earlier lines or the file) were not put on the timeline; first at line ${this.firstUntimed}`,
      });
    }
    return [];
  }
}

/** The fallback parser (ingestion imports exactly this name). */
export const genericParser: LogParser = {
  id: 'generic',
  label: 'Generic text log',
  detect: () => 0.05,
  open: (ctx) => new GenericLines(ctx),
};
