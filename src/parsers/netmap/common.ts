/** Shared bits of the network-context parsers: the `net.map` event and its validity interval. */
import type { EventDraft } from '../../model/event';
import type { ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { type EventTime, timeKnown } from '../../model/time';
import { makeEvent } from '../common/draft';

/** ISO text of an epoch ms, `open` for an open end. */
export function iso(ms: number | undefined): string {
  return ms === undefined ? 'open' : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * One `net.map` event: `ip` belonged to `host` over [from, to). The interval is stated in the
 * summary as `valid <from>/<to>` (ISO 8601 interval, `open` for an unknown end), the event time
 * is its start.
 */
export function netMap(line: RedactedLine, time: EventTime, ip: string, host: string, to: number | undefined, note: string): EventDraft {
  // An unknown time (no file time) is an open start, not 1970.
  return makeEvent(line, 'net.map', time, { ip, host }, `${ip} ↔ ${host} valid ${iso(timeKnown(time) ? time.ts : undefined)}/${iso(to)} (${note})`);
}

/** The file time, or time 0 marked unknown (recorded once as a problem by the caller's flag). */
export function fileTime(ctx: ParseContext, line: number, warned: { done: boolean }): EventTime {
  if (ctx.fileTimeMs !== undefined) return { ts: ctx.fileTimeMs, text: '', assumed: 'file time' };
  if (!warned.done) {
    warned.done = true;
    ctx.problem({ code: 'time.unparsed', line, message: 'no time in the file and no file time given: mappings carry time 0 (unknown)' });
  }
  return { ts: 0, text: '', assumed: 'time unknown (no file time)' };
}
