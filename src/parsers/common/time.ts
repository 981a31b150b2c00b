/**
 * Time helpers shared by parsers. Grid logs mix zoned, zone-less and year-less timestamps; every
 * parser turns them into UTC epoch ms here and says what it assumed.
 */
import type { EventTime } from '../../model/time';
import { ANALYST_YEAR } from '../../model/parser';

const dtfCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    dtfCache.set(tz, f);
  }
  return f;
}

const offsetCache = new Map<string, number>();
const QUARTER_HOUR = 900_000;

/** Offset of `tz` from UTC at UTC instant `utcMs`, in ms (e.g. +3600000 for CET). */
export function zoneOffsetMs(tz: string, utcMs: number): number {
  if (tz === 'UTC' || tz === 'Etc/UTC') return 0;
  // Intl per line is the parsers' hottest call; zone offsets only change on quarter-hour
  // boundaries, so one lookup per zone and quarter hour serves every line in it.
  const key = `${tz}@${Math.floor(utcMs / QUARTER_HOUR)}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  if (offsetCache.size > 50_000) offsetCache.clear();
  const off = zoneOffsetUncached(tz, utcMs);
  offsetCache.set(key, off);
  return off;
}

function zoneOffsetUncached(tz: string, utcMs: number): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== undefined) return fixed * 60_000;
  const parts = formatterFor(tz).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Minutes east of UTC of a zone written as a fixed offset (`+01:00`, `+0100`, `+1`, `UTC+1`,
 * `GMT-05:30`), else undefined. Sites describe their clocks so ("local time, UTC+01:00"), and
 * IANA's own name for it (Etc/GMT-1) has the sign inverted and whole hours only.
 */
function fixedOffsetMinutes(tz: string): number | undefined {
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz.trim());
  if (!m) return undefined;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? 0);
  if (h > 14 || mi > 59) return undefined;
  const minutes = h * 60 + mi;
  return m[1] === '-' && minutes > 0 ? -minutes : minutes;
}

/**
 * The zone as tokentrail records it: an IANA name this runtime knows, as given; a fixed UTC offset
 * as `±HH:MM`; undefined for anything else.
 */
export function canonicalZone(tz: string): string | undefined {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== undefined) {
    const abs = Math.abs(fixed);
    return `${fixed < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  try {
    formatterFor(tz);
    return tz;
  } catch {
    return undefined;
  }
}

/** True when `tz` is an IANA zone this runtime knows or a fixed UTC offset. */
export function isValidTimeZone(tz: string): boolean {
  return canonicalZone(tz) !== undefined;
}

/** Wall-clock fields in zone `tz` → UTC epoch ms (DST gaps resolve to the later offset). */
export function wallTimeToUtc(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const naive = utcMs(year, month, day, hour, minute, second, ms);
  if (tz === 'UTC' || tz === 'Etc/UTC') return naive;
  const first = naive - zoneOffsetMs(tz, naive);
  const second_ = naive - zoneOffsetMs(tz, first);
  return second_;
}

/** Numeric offset text (`+0100`, `+01:00`, `-05`, `Z`) → minutes east of UTC, or undefined. */
export function parseOffsetMinutes(text: string): number | undefined {
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
  // A log repeats one offset on every line: skip the regex when it is the last one read.
  if (text === lastOffset.text) return lastOffset.minutes;
  const minutes = readOffsetMinutes(text);
  lastOffset = { text, minutes };
  return minutes;
}

let lastOffset: { text: string; minutes: number | undefined } = { text: '', minutes: undefined };

function readOffsetMinutes(text: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

/** Wall-clock fields with an explicit offset → UTC epoch ms. */
export function offsetTimeToUtc(
  offsetMinutes: number,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  return utcMs(year, month, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** The last day utcMs read: a log's lines mostly share their day. */
let lastDay = { year: Number.NaN, month: Number.NaN, day: Number.NaN, ms: 0 };
const MAX_TIME = 8.64e15;

/**
 * `Date.UTC(year, month - 1, day, hour, minute, second, ms)` (a call into the runtime per line) with
 * the day's start kept from the previous call: Date.UTC adds the time of day to the day (MakeDate),
 * the same sum of whole numbers here. Times of day outside the clock's ranges go to Date.UTC.
 */
export function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (!(isIn(hour, 23) && isIn(minute, 59) && isIn(second, 60) && isIn(ms, 999))) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let d = lastDay;
  if (year !== d.year || month !== d.month || day !== d.day) d = lastDay = { year, month, day, ms: Date.UTC(year, month - 1, day) };
  // A day at the end of the time range: its start may be out of it and a time in that day not.
  if (Number.isNaN(d.ms)) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const t = d.ms + (hour * 3_600_000 + minute * 60_000 + second * 1000 + ms);
  // TimeClip: beyond ±8.64e15 ms Date.UTC gives NaN.
  return Math.abs(t) <= MAX_TIME ? t : Number.NaN;
}

/** A whole number from 0 to `max`. */
function isIn(v: number, max: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= max;
}

/** Two-digit year windowing: 00-69 → 20yy, 70-99 → 19yy. */
export function expandYear(yy: number): number {
  return yy >= 100 ? yy : yy < 70 ? 2000 + yy : 1900 + yy;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_ABBR = new Map(Object.keys(MONTHS).map((m) => [m[0]!.toUpperCase() + m.slice(1), MONTHS[m]!]));

/** `Nov` → 11: the month abbreviations as the stamps write them (capitalised), or undefined. */
export function monthOfAbbr(name: string): number | undefined {
  return MONTH_ABBR.get(name);
}

/** `Nov` / `November` → 11, or undefined. */
export function monthNumber(name: string): number | undefined {
  // The stamp regexes hand over `Nov` as written: found without a lower-cased copy per line.
  return MONTH_ABBR.get(name) ?? MONTHS[name.slice(0, 3).toLowerCase()];
}

let lastTzNote = { tz: 'UTC', note: 'tz=UTC' };

/** `tz=<zone>`, the `assumed` note of zone-less times: one string per zone, not one per line. */
export function tzNote(tz: string): string {
  if (lastTzNote.tz !== tz) lastTzNote = { tz, note: `tz=${tz}` };
  return lastTzNote.note;
}

const DAY_MS = 86_400_000;
let lastFileDay = { fileTimeMs: Number.NaN, year: 0, key: 0 };

/**
 * The year of a year-less date (syslog `Dec 31 23:59:58`), and where it came from: the context's,
 * except that a date which that year would put more than a day after the file's time (when it was
 * last written, or the day a dated file name states) belongs to the year before. A log that spans
 * New Year and was copied in January would otherwise have its December lines a year in the
 * future. An analyst's year is taken as given.
 */
export function yearOfDate(ctx: { year: number; yearSource: string; fileTimeMs?: number }, month: number, day: number): { year: number; source: string } {
  const f = ctx.fileTimeMs;
  if (f === undefined || ctx.yearSource === ANALYST_YEAR) return { year: ctx.year, source: ctx.yearSource };
  if (lastFileDay.fileTimeMs !== f) {
    // A day of slack for zones and clocks; the file's last day plus one, as month * 32 + day.
    const d = new Date(f + DAY_MS);
    lastFileDay = { fileTimeMs: f, year: d.getUTCFullYear(), key: (d.getUTCMonth() + 1) * 32 + d.getUTCDate() };
  }
  if (lastFileDay.year === ctx.year && month * 32 + day > lastFileDay.key) return { year: ctx.year - 1, source: `the year before: in ${ctx.yearSource}'s year the date would follow the file` };
  return { year: ctx.year, source: ctx.yearSource };
}

let lastYearNote = { tz: '', year: Number.NaN, source: '', note: '' };

/** `tz=<zone>; year=<year> (<source>)`, the note of zone- and year-less times: one string per input, not one per line. */
export function yearNote(tz: string, year: number, source: string): string {
  const l = lastYearNote;
  if (l.tz !== tz || l.year !== year || l.source !== source) lastYearNote = { tz, year, source, note: `tz=${tz}; year=${year} (${source})` };
  return lastYearNote.note;
}

/** Builds the EventTime for a zone-less wall time, recording the zone (and year) assumed. */
export function assumedTime(
  text: string,
  tz: string,
  fields: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number },
  yearAssumed?: string,
): EventTime {
  const ts = wallTimeToUtc(tz, fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.ms);
  const assumed = yearAssumed ? yearNote(tz, fields.year, yearAssumed) : tzNote(tz);
  return { ts, text, assumed };
}
