import { describe, expect, it } from 'vitest';
import { expandYear, monthNumber, offsetTimeToUtc, parseOffsetMinutes, wallTimeToUtc, zoneOffsetMs } from './time';

describe('parser time helpers', () => {
  it('converts Europe/Zurich wall time to UTC across DST', () => {
    // 23 Nov 2026 14:05:41 CET (+01:00) = 13:05:41Z
    expect(new Date(wallTimeToUtc('Europe/Zurich', 2026, 11, 23, 14, 5, 41)).toISOString()).toBe('2026-11-23T13:05:41.000Z');
    // 1 Jul 2026 14:00 CEST (+02:00) = 12:00Z
    expect(new Date(wallTimeToUtc('Europe/Zurich', 2026, 7, 1, 14)).toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(zoneOffsetMs('America/Chicago', Date.UTC(2026, 10, 23))).toBe(-6 * 3600_000);
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
});
