/**
 * Finding and reading timestamps in free text (generic parser, JSON lines, sshd, netmap): ISO 8601
 * (zoned or not), syslog `Nov 23 14:02:11`, common log `[23/Nov/2026:14:02:11 +0100]`, epoch numbers.
 */
import type { ParseContext } from '../../model/parser';
import type { EventTime } from '../../model/time';
import { clockInRange, digitsAt } from './digits';
import { assumedTime, monthNumber, monthOfAbbr, offsetTimeToUtc, parseOffsetMinutes, wallTimeToUtc, yearNote, yearOfDate } from './time';

// The date and time digits sit at fixed places from the match start and are read with digitsAt
// rather than captured (many parsers call these per line); captures: ISO 1 fraction, 2 zone;
// CLF 1 month name, 2 offset.
const ISO = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,](\d{1,9}))?\s?(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?/;
const SYSLOG = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/;
const CLF = /\d{2}\/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/\d{4}:\d{2}:\d{2}:\d{2} ([+-]\d{4})/;

/** The first three digits of a fraction of a second as ms (`5` → 500, `1234` → 123); the regexes matched digits. */
function fracMs(frac: string | undefined): number {
  if (!frac) return 0;
  const n = frac.length;
  return n >= 3 ? digitsAt(frac, 0, 3) : digitsAt(frac, 0, n) * (n === 2 ? 10 : 100);
}

/** Reads an ISO 8601 timestamp at any position; zone-less ones get the context zone, recorded in `assumed`. */
export function isoTime(text: string, ctx: Pick<ParseContext, 'tz'>): EventTime | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const at = m.index;
  const y = digitsAt(text, at, 4);
  const mo = digitsAt(text, at + 5, 2);
  const d = digitsAt(text, at + 8, 2);
  const h = digitsAt(text, at + 11, 2);
  const mi = digitsAt(text, at + 14, 2);
  const s = digitsAt(text, at + 17, 2);
  if (!clockInRange(mo, d, h, mi, s)) return undefined;
  const ms = fracMs(m[1]);
  if (m[2]) {
    const off = parseOffsetMinutes(m[2]);
    if (off !== undefined) return { ts: offsetTimeToUtc(off, y, mo, d, h, mi, s, ms), text: m[0] };
  }
  return assumedTime(m[0], ctx.tz, { year: y, month: mo, day: d, hour: h, minute: mi, second: s, ms });
}

// A whole token that is one ISO 8601 stamp in its most common shapes (`T`, `.` fraction of 1–9
// digits, `Z` or a numeric offset, or no zone): what ISO matches at its start, spanning it all.
const ISO_TOKEN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `isoTime(token, ctx)` for a token that holds nothing but the stamp (a `ts=` value): the same
 * result, read with one match test and no captures when the token has a common shape (the
 * captures were strings per line in the busiest logs); any other token goes through isoTime.
 */
export function isoTokenTime(token: string, ctx: Pick<ParseContext, 'tz'>): EventTime | undefined {
  if (!ISO_TOKEN.test(token)) return isoTime(token, ctx);
  const y = digitsAt(token, 0, 4);
  const mo = digitsAt(token, 5, 2);
  const d = digitsAt(token, 8, 2);
  const h = digitsAt(token, 11, 2);
  const mi = digitsAt(token, 14, 2);
  const s = digitsAt(token, 17, 2);
  if (!clockInRange(mo, d, h, mi, s)) return undefined;
  const n = token.length;
  // The zone is what follows the fraction digits: nothing, `Z`, `±hhmm` or `±hh:mm`.
  let zone = 19;
  if (zone < n && token.charCodeAt(zone) === 46 /* . */) {
    zone++;
    while (zone < n && isDigit(token.charCodeAt(zone))) zone++;
  }
  const fracDigits = zone > 19 ? zone - 20 : 0;
  const ms = fracDigits === 0 ? 0 : fracDigits >= 3 ? digitsAt(token, 20, 3) : digitsAt(token, 20, fracDigits) * (fracDigits === 2 ? 10 : 100);
  if (zone === n) return assumedTime(token, ctx.tz, { year: y, month: mo, day: d, hour: h, minute: mi, second: s, ms });
  let off = 0;
  if (token.charCodeAt(zone) !== 90 /* Z */) {
    const mm = digitsAt(token, n - 2, 2);
    off = digitsAt(token, zone + 1, 2) * 60 + mm;
    if (token.charCodeAt(zone) === 45 /* - */) off = -off;
  }
  return { ts: offsetTimeToUtc(off, y, mo, d, h, mi, s, ms), text: token };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads a syslog RFC 3164 stamp (no year, no zone): year and zone from the context. */
export function syslogTime(text: string, ctx: YearContext): EventTime | undefined {
  const m = SYSLOG.exec(text);
  if (!m) return undefined;
  const month = monthNumber(m[1]!)!;
  const day = Number(m[2]);
  const y = yearOfDate(ctx, month, day);
  return assumedTime(m[0], ctx.tz, { year: y.year, month, day, hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]), ms: fracMs(m[6]) }, y.source);
}

/** What a year-less stamp needs: the zone, the year and where it came from, the file time. */
export type YearContext = Pick<ParseContext, 'tz' | 'year' | 'yearSource' | 'fileTimeMs'>;

// A whole token that is one syslog stamp without a fraction, `Nov 23 14:02:11` / `Nov  3 …`.
const SYSLOG_TOKEN = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d{2}:\d{2}:\d{2}$/;

/**
 * `syslogTime(token, ctx)` for a token that holds nothing but the stamp (a syslog line's first
 * field): the same result from one match test, the fields read in place (the time of day is the
 * token's last eight characters); any other token goes through syslogTime.
 */
export function syslogTokenTime(token: string, ctx: YearContext): EventTime | undefined {
  if (!SYSLOG_TOKEN.test(token)) return syslogTime(token, ctx);
  const n = token.length;
  const dayAt = token.charCodeAt(4) === 32 ? 5 : 4;
  const month = monthOfAbbr(token.slice(0, 3))!;
  const day = digitsAt(token, dayAt, n - 9 - dayAt);
  const y = yearOfDate(ctx, month, day);
  const ts = wallTimeToUtc(ctx.tz, y.year, month, day, digitsAt(token, n - 8, 2), digitsAt(token, n - 5, 2), digitsAt(token, n - 2, 2), 0);
  return { ts, text: token, assumed: yearNote(ctx.tz, y.year, y.source) };
}

/** Reads an Apache/nginx `%t` stamp `23/Nov/2026:14:02:11 +0100` (zoned). */
export function clfTime(text: string): EventTime | undefined {
  const m = CLF.exec(text);
  if (!m) return undefined;
  const at = m.index;
  const off = parseOffsetMinutes(m[2]!)!;
  const ts = offsetTimeToUtc(off, digitsAt(text, at + 7, 4), monthNumber(m[1]!)!, digitsAt(text, at, 2), digitsAt(text, at + 12, 2), digitsAt(text, at + 15, 2), digitsAt(text, at + 18, 2));
  return { ts, text: m[0] };
}

/** Epoch seconds / ms / µs / ns as number or numeric string → EventTime (UTC), guessing the unit by size. */
export function epochTime(v: number | string): EventTime | undefined {
  const n = typeof v === 'number' ? v : /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  let ms: number;
  if (n < 1e11) ms = n * 1000; // seconds (until year 5138)
  else if (n < 1e14) ms = n; // milliseconds
  else if (n < 1e17) ms = n / 1000; // microseconds
  else ms = n / 1e6; // nanoseconds
  return { ts: Math.floor(ms), text: String(v) };
}

/** Any timestamp the text holds, most specific form first. */
export function anyTime(text: string, ctx: YearContext): EventTime | undefined {
  return isoTime(text, ctx) ?? clfTime(text) ?? syslogTime(text, ctx);
}

/** Time for a line that states none: the previous line's time or the file time, saying so. */
export function carriedTime(prev: EventTime | undefined, ctx: Pick<ParseContext, 'fileTimeMs'>): EventTime | undefined {
  if (prev) return { ts: prev.ts, text: '', assumed: `time of previous line (${prev.text})` };
  if (ctx.fileTimeMs !== undefined) return { ts: ctx.fileTimeMs, text: '', assumed: 'file time' };
  return undefined;
}
