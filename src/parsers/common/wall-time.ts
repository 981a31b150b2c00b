/**
 * Fast zone-less wall time → EventTime for high-volume logs. `assumedTime` (time.ts) asks Intl for
 * the zone offset on every call, which costs more than parsing the line; logs carry millions of
 * lines within a few hours, so the offset is cached per zone and wall-clock hour (zone changes
 * happen on hour boundaries in the IANA zones grid sites use).
 */
import type { EventTime } from '../../model/time';
import { assumedTime, tzNote, utcMs } from './time';

const offsets = new Map<string, number>();
let last = { tz: '', hourStart: Number.NaN, off: 0 };

/** Same result as `assumedTime(text, tz, fields)` (no year assumption), with the offset cached. */
export function wallTime(
  text: string,
  tz: string,
  f: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms?: number },
): EventTime {
  return wallTimeOf(text, tz, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms ?? 0);
}

/** `wallTime` with the fields as arguments (no fields object per line). */
export function wallTimeOf(text: string, tz: string, year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): EventTime {
  const naive = utcMs(year, month, day, hour, minute, second, ms);
  const assumed = tzNote(tz);
  if (tz === 'UTC' || tz === 'Etc/UTC') return { ts: naive, text, assumed };
  // Consecutive lines are nearly always in the same hour: compare before building a key.
  const hourStart = naive - ((naive % 3_600_000) + 3_600_000) % 3_600_000;
  if (tz === last.tz && hourStart === last.hourStart) return { ts: naive + last.off, text, assumed };
  const key = `${tz}|${hourStart}`;
  let off = offsets.get(key);
  if (off === undefined) {
    off = assumedTime(text, tz, { year, month, day, hour }).ts - hourStart;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, off);
  }
  last = { tz, hourStart, off };
  return { ts: naive + off, text, assumed };
}
