/**
 * HTCondor dprintf line header (DOMAIN.md §2.2), shared by every HTCondor daemon log parser:
 * `<time> [(pid:N)] [(tid:N)] [(cid:N)] [(D_CAT[:v])] <message>`. Time is the default
 * `%m/%d/%y %H:%M:%S[.mmm]` wall time (no zone, read in ctx.tz) or the D_TIMESTAMP epoch form.
 */
import type { EventTime } from '../../model/time';
import { expandYear } from './time';
import { wallTime } from './wall-time';

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
const HEADER =
  /^(?:(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?|(\d{9,11})(?:\.(\d{3}))?) ((?:\((?:pid|tid|cid):\d+\) |\(D_[A-Z_]+(?::\d)?(?:\|D_[A-Z_]+(?::\d)?)*\) )*)/;
const TAGS = /\((pid|tid|cid):(\d+)\) |\((D_[^)]*)\) /g;

/** Parses the header of one HTCondor log line; undefined when the line has no valid header. */
export function parseCondorLine(text: string, tz: string): CondorLine | undefined {
  const h = HEADER.exec(text);
  if (!h) return undefined;
  let time: EventTime;
  if (h[1] !== undefined) {
    const month = Number(h[1]);
    const day = Number(h[2]);
    const hour = Number(h[4]);
    const minute = Number(h[5]);
    const second = Number(h[6]);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
    const stamp = h[7] ? 21 : 17;
    time = wallTime(text.slice(0, stamp), tz, {
      year: expandYear(Number(h[3])),
      month,
      day,
      hour,
      minute,
      second,
      ms: h[7] ? Number(h[7]) : 0,
    });
  } else {
    time = { ts: Number(h[8]) * 1000 + (h[9] ? Number(h[9]) : 0), text: h[9] ? `${h[8]}.${h[9]}` : h[8] };
  }
  const out: CondorLine = { time, message: '' };
  if (h[10]) {
    // An exec loop, not matchAll (which copies the regex): this runs for every HTCondor log line.
    const tags = h[10];
    TAGS.lastIndex = 0;
    for (let t = TAGS.exec(tags); t; t = TAGS.exec(tags)) {
      if (t[1]) out[t[1] as 'pid' | 'tid' | 'cid'] = Number(t[2]);
      else out.cat = t[3];
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
