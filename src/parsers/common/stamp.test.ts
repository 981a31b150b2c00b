import { describe, expect, it } from 'vitest';
import { anyTime, carriedTime, clfTime, epochTime, isoTime, syslogTime } from './stamp';

const ctx = { tz: 'Europe/Zurich', year: 2026, yearSource: 'file time' };

describe('timestamp finders', () => {
  it('reads zoned and zone-less ISO 8601', () => {
    expect(isoTime('at 2026-11-23T14:05:41.512+0100 x', ctx)).toEqual({ ts: Date.UTC(2026, 10, 23, 13, 5, 41, 512), text: '2026-11-23T14:05:41.512+0100' });
    expect(isoTime('2026-11-23 14:05:41,123456Z', ctx)?.ts).toBe(Date.UTC(2026, 10, 23, 14, 5, 41, 123));
    expect(isoTime('2026-11-23 14:05:41 UTC', ctx)?.assumed).toBeUndefined();
    const local = isoTime('2026-11-23 14:05:41', ctx)!;
    expect(local.ts).toBe(Date.UTC(2026, 10, 23, 13, 5, 41));
    expect(local.assumed).toBe('tz=Europe/Zurich');
    expect(isoTime('2026-13-45 99:00:00', ctx)).toBeUndefined();
  });
  it('reads one to nine fraction digits as milliseconds (missing digits are zeros)', () => {
    for (const [frac, ms] of [['5', 500], ['05', 50], ['12', 120], ['123', 123], ['0019', 1], ['987654321', 987]] as const) {
      expect(isoTime(`2026-11-23T14:05:41.${frac}Z`, ctx)?.ts).toBe(Date.UTC(2026, 10, 23, 14, 5, 41, ms));
    }
    expect(syslogTime('Nov 23 14:05:41.7 host', ctx)?.ts).toBe(Date.UTC(2026, 10, 23, 13, 5, 41, 700));
  });
  it('reads syslog and common-log stamps', () => {
    const s = syslogTime('Nov  3 04:05:06 host x', ctx)!;
    expect(s.ts).toBe(Date.UTC(2026, 10, 3, 3, 5, 6));
    expect(s.assumed).toBe('tz=Europe/Zurich; year=2026 (file time)');
    expect(clfTime('[23/Nov/2026:14:02:11 -0500]')?.ts).toBe(Date.UTC(2026, 10, 23, 19, 2, 11));
    expect(anyTime('no time here', ctx)).toBeUndefined();
  });
  it('guesses epoch units and carries times', () => {
    expect(epochTime(1795442741)?.ts).toBe(1795442741000);
    expect(epochTime(1795442741123)?.ts).toBe(1795442741123);
    expect(epochTime('1795442741123456')?.ts).toBe(1795442741123);
    expect(epochTime('abc')).toBeUndefined();
    expect(carriedTime(undefined, {})).toBeUndefined();
    expect(carriedTime({ ts: 5, text: 'x' }, {})).toEqual({ ts: 5, text: '', assumed: 'time of previous line (x)' });
  });
});
