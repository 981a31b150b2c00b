/**
 * HTCondor dprintf line header (DOMAIN.md §2.2), shared by every HTCondor daemon log parser:
 * `<time> [(pid:N)] [(tid:N)] [(cid:N)] [(D_CAT[:v])] <message>`. Time is the default
 * `%m/%d/%y %H:%M:%S[.mmm]` wall time (no zone, read in ctx.tz) or the D_TIMESTAMP epoch form.
 */
import type { EventTime } from '../../model/time';
import { clockInRange, digitsAt } from './digits';
import { expandYear } from './time';
import { wallTimeOf } from './wall-time';

export interface CondorLine {
  time: EventTime;
  pid?: number;
  tid?: number;
  cid?: number;
  /** e.g. `D_AUDIT`, `D_SECURITY|D_FULLDEBUG`. */
  cat?: string;
  message: string;
}

// One pass: the time (wall clock or D_TIMESTAMP epoch) and the run of optional header tags.
// The wall clock's digits sit at fixed places and are read with digitsAt, not captured (six
// strings and Number() calls per line saved); captures: 1 epoch s, 2 epoch ms, 3 tags.
const HEADER =
  /^(?:\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})?|(\d{9,11})(?:\.(\d{3}))?) ((?:\((?:pid|tid|cid):\d+\) |\(D_[A-Z_]+(?::\d)?(?:\|D_[A-Z_]+(?::\d)?)*\) )*)/;

/** Parses the header of one HTCondor log line; undefined when the line has no valid header. */
export function parseCondorLine(text: string, tz: string): CondorLine | undefined {
  const h = HEADER.exec(text);
  if (!h) return undefined;
  let time: EventTime;
  if (h[1] === undefined) {
    // `MM/DD/YY HH:MM:SS[.mmm] `: a `.` right after the seconds means milliseconds follow.
    const month = digitsAt(text, 0, 2);
    const day = digitsAt(text, 3, 2);
    const hour = digitsAt(text, 9, 2);
    const minute = digitsAt(text, 12, 2);
    const second = digitsAt(text, 15, 2);
    if (!clockInRange(month, day, hour, minute, second)) return undefined;
    const hasMs = text.charCodeAt(17) === 46;
    time = wallTimeOf(text.slice(0, hasMs ? 21 : 17), tz, expandYear(digitsAt(text, 6, 2)), month, day, hour, minute, second, hasMs ? digitsAt(text, 18, 3) : 0);
  } else {
    time = { ts: Number(h[1]) * 1000 + (h[2] ? Number(h[2]) : 0), text: h[2] ? `${h[1]}.${h[2]}` : h[1] };
  }
  // Every field from the start, in one order: one object shape for every line (tags added one by
  // one made a shape per tag combination, and the parsers' optimised code was thrown away on each new one).
  const out: CondorLine = { time, pid: undefined, tid: undefined, cid: undefined, cat: undefined, message: '' };
  const tags = h[3];
  if (tags) {
    // HEADER matched the tags, so they are `(pid|tid|cid:<digits>) ` or `(D_…) ` one after the
    // other, none holding a `)`: each ends at the next `) ` (no regex and match array per tag).
    for (let at = 0; at < tags.length; ) {
      const close = tags.indexOf(') ', at);
      // The tag is told by its first letter: a property named by a sliced string was a keyed store per tag.
      const c = tags.charCodeAt(at + 1);
      if (c === 68 /* D */) out.cat = tags.slice(at + 1, close);
      else {
        // Up to 15 digits are an exact number read in place; longer runs go through Number().
        const n = close - at - 5;
        const v = n <= 15 ? digitsAt(tags, at + 5, n) : Number(tags.slice(at + 5, close));
        if (c === 112 /* p */) out.pid = v;
        else if (c === 116 /* t */) out.tid = v;
        else out.cid = v;
      }
      at = close + 2;
    }
  }
  const rest = text.slice(h[0].length);
  out.message = rest.endsWith(' ') || rest.endsWith('\r') ? rest.trimEnd() : rest;
  return out;
}

/** Job id `cluster.proc` in a message, or undefined. */
export function jobIdIn(text: string): string | undefined {
  return /\b(\d+\.\d+)\b/.exec(text)?.[1];
}

/**
 * Sniffing help for the HTCondor daemon logs: how many sample lines carry the dprintf header, and
 * how many of those the parser's own `isHint` recognises. Each parser scores the counts itself.
 */
export function countCondorLines(head: readonly string[], isHint: (c: CondorLine) => boolean): { condor: number; hints: number } {
  let condor = 0;
  let hints = 0;
  for (const l of head) {
    const c = parseCondorLine(l, 'UTC');
    if (!c) continue;
    condor++;
    if (isHint(c)) hints++;
  }
  return { condor, hints };
}
