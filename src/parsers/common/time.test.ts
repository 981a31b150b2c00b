import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scenario/prng';
import { canonicalZone, expandYear, isValidTimeZone, monthNumber, offsetTimeToUtc, parseOffsetMinutes, utcMs, wallTimeToUtc, zoneOffsetMs } from './time';

describe('parser time helpers', () => {
  it('converts Europe/Zurich wall time to UTC across DST', () => {
    // 23 Nov 2026 14:05:41 CET (+01:00) = 13:05:41Z
    expect(new Date(wallTimeToUtc('Europe/Zurich', 2026, 11, 23, 14, 5, 41)).toISOString()).toBe('2026-11-23T13:05:41.000Z');
    // 1 Jul 2026 14:00 CEST (+02:00) = 12:00Z
    expect(new Date(wallTimeToUtc('Europe/Zurich', 2026, 7, 1, 14)).toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(zoneOffsetMs('America/Chicago', Date.UTC(2026, 10, 23))).toBe(-6 * 3600_000);
  });
  it('takes a fixed UTC offset as a zone, in the spellings sites use', () => {
    for (const [given, canon, minutes] of [['+01:00', '+01:00', 60], ['+0100', '+01:00', 60], ['UTC+1', '+01:00', 60], ['gmt-05:30', '-05:30', -330], ['-0', '+00:00', 0], ['+14', '+14:00', 840]] as const) {
      expect(canonicalZone(given), given).toBe(canon);
      expect(zoneOffsetMs(given, Date.UTC(2026, 6, 1)), given).toBe(minutes * 60_000);
    }
    expect(new Date(wallTimeToUtc('+01:00', 2026, 7, 1, 14)).toISOString()).toBe('2026-07-01T13:00:00.000Z');
    for (const bad of ['+15', '+01:60', 'UTC+', '1', 'Mars/Olympus']) {
      expect(canonicalZone(bad), bad).toBeUndefined();
      expect(isValidTimeZone(bad), bad).toBe(false);
    }
    expect(canonicalZone('Europe/Zurich')).toBe('Europe/Zurich');
  });
  it('parses numeric offsets', () => {
    expect(parseOffsetMinutes('+0100')).toBe(60);
    expect(parseOffsetMinutes('-05:30')).toBe(-330);
    expect(parseOffsetMinutes('Z')).toBe(0);
    expect(parseOffsetMinutes('CET')).toBeUndefined();
    expect(new Date(offsetTimeToUtc(60, 2026, 11, 23, 14, 5, 41, 512)).toISOString()).toBe('2026-11-23T13:05:41.512Z');
  });
  it('windows two-digit years and names months', () => {
    expect(expandYear(26)).toBe(2026);
    expect(expandYear(99)).toBe(1999);
    expect(monthNumber('Nov')).toBe(11);
    expect(monthNumber('xyz')).toBeUndefined();
  });
  it('utcMs is Date.UTC, the day kept or not', () => {
    const next = rng(5);
    const r = (n: number) => Math.floor(next() * n);
    const odd = [0, -1, 24, 25, 60, 99, 1000, 1e6, 0.5, -0.5, 1.9, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 8.64e15];
    for (let n = 0; n < 20000; n++) {
      // Runs of the same day (the cached path), odd field values now and then.
      const f = [1960 + r(100), 1 + r(12), 1 + r(31), r(24), r(60), r(61), r(1000)];
      if (n % 7 === 0) f[r(7)] = odd[r(odd.length)]!;
      if (n % 101 === 0) f[0] = r(120);
      const [y, mo, d, h, mi, s, ms] = f as [number, number, number, number, number, number, number];
      expect(utcMs(y, mo, d, h, mi, s, ms), f.join(' ')).toBe(Date.UTC(y, mo - 1, d, h, mi, s, ms));
      expect(utcMs(y, mo, d, h, mi, s, ms)).toBe(Date.UTC(y, mo - 1, d, h, mi, s, ms));
    }
    // The ends of the time range (±8.64e15 ms): days whose start is out of it and times that are not.
    for (const [y, mo, d] of [[-271821, 4, 19], [-271821, 4, 20], [275760, 9, 13], [275760, 9, 12]] as const)
      for (const [h, mi, s, ms] of [[0, 0, 0, 0], [23, 59, 60, 999], [12, 0, 0, 1]] as const) expect(utcMs(y, mo, d, h, mi, s, ms)).toBe(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  });
});
