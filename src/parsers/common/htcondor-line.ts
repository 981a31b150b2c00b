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

const WALL = /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))? /;
const EPOCH = /^(\d{9,11})(?:\.(\d{3}))? /;
const TAG = /^\((pid|tid|cid):(\d+)\) /;
const CAT = /^\((D_[A-Z_]+(?::\d)?(?:\|D_[A-Z_]+(?::\d)?)*)\) /;

/** Parses the header of one HTCondor log line; undefined when the line has no valid header. */
export function parseCondorLine(text: string, tz: string): CondorLine | undefined {
  let time: EventTime;
  let rest: string;
  const w = WALL.exec(text);
  if (w) {
    const month = Number(w[1]);
    const day = Number(w[2]);
    const hour = Number(w[4]);
    const minute = Number(w[5]);
    const second = Number(w[6]);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
    time = wallTime(w[0].trimEnd(), tz, {
      year: expandYear(Number(w[3])),
      month,
      day,
      hour,
      minute,
      second,
      ms: w[7] ? Number(w[7]) : 0,
    });
    rest = text.slice(w[0].length);
  } else {
    const e = EPOCH.exec(text);
    if (!e) return undefined;
    time = { ts: Number(e[1]) * 1000 + (e[2] ? Number(e[2]) : 0), text: e[0].trimEnd() };
    rest = text.slice(e[0].length);
  }
  const out: CondorLine = { time, message: '' };
  for (;;) {
    const t = TAG.exec(rest);
    if (t) {
      out[t[1] as 'pid' | 'tid' | 'cid'] = Number(t[2]);
      rest = rest.slice(t[0].length);
      continue;
    }
    const c = CAT.exec(rest);
    if (c) {
      out.cat = c[1];
      rest = rest.slice(c[0].length);
      continue;
    }
    break;
  }
  out.message = rest.trim();
  return out;
}

/** Job id `cluster.proc` in a message, or undefined. */
export function jobIdIn(text: string): string | undefined {
  return /\b(\d+\.\d+)\b/.exec(text)?.[1];
}
