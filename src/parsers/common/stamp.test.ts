import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scenario/prng';
import { anyTime, carriedTime, clfTime, epochTime, isoTime, isoTokenTime, syslogTime, syslogTokenTime } from './stamp';

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
  it('reads a stamp token exactly as isoTime does (the shortcut for common shapes changes nothing)', () => {
    const tokens = [
      '2026-11-23T14:05:41.512+0100', '2026-11-23T14:05:41.512+01:00', '2026-11-23T14:05:41.512-0530', '2026-11-23T14:05:41Z',
      '2026-11-23T14:05:41', '2026-11-23T14:05:41.5', '2026-11-23T14:05:41.05Z', '2026-11-23T14:05:41.987654321Z',
      '2026-11-23T14:05:41.9876543210Z', '2026-11-23T14:05:41.Z', '2026-11-23T14:05:41.512+0100x', '2026-11-23T14:05:41.512+01', '2026-11-23T14:05:41,512Z',
      '2026-11-23T14:05:41UTC', '2026-11-23 14:05:41', '2026-13-23T14:05:41Z', '2026-11-00T14:05:41Z', '2026-11-23T24:05:41Z', '2026-11-23T14:60:41Z',
      '2026-11-23T14:05:61Z', '2026-11-23T14:05:60Z', '2026-02-31T14:05:41Z', 'x2026-11-23T14:05:41Z', '2026-11-23T14:05:41.512-00:00', 'notatime', '',
    ];
    const next = rng(11);
    const digits = '0123456789';
    const pick = (a: string) => a[Math.floor(next() * a.length)]!;
    for (let n = 0; n < 3000; n++) {
      // Mostly well-formed shapes with random digits and endings, so both paths are exercised.
      let t = `${pick('12')}${pick(digits)}${pick(digits)}${pick(digits)}-${pick('01')}${pick(digits)}-${pick('0123')}${pick(digits)}${pick('TT ')}${pick('012')}${pick(digits)}:${pick('0123456')}${pick(digits)}:${pick('0123456')}${pick(digits)}`;
      if (next() < 0.7) t += `.${Array.from({ length: Math.floor(next() * 11) }, () => pick(digits)).join('')}`;
      t += ['', 'Z', '+0100', '-05:30', '+01', 'UTC', 'x', '+01:0', ' Z'][Math.floor(next() * 9)];
      tokens.push(t);
    }
    for (const zone of ['UTC', 'Europe/Zurich', 'America/New_York'])
      for (const t of tokens) expect(isoTokenTime(t, { tz: zone }), `${t} ${zone}`).toStrictEqual(isoTime(t, { tz: zone }));
  });
  it('reads a syslog stamp token exactly as syslogTime does', () => {
    const tokens = ['Nov 23 14:02:11', 'Nov  3 04:05:06', 'Nov 3 04:05:06', 'Jan  1 00:00:00', 'Dec 31 23:59:60', 'Feb 30 12:00:00', 'Nov 23 14:02:11.5', 'nov 23 14:02:11', 'Xyz 23 14:02:11', 'Nov 123 14:02:11', 'Nov   3 14:02:11', 'Nov 23 24:61:99', 'Nov 23 14:02:11 ', ' Nov 23 14:02:11', 'Nov 00 00:00:00', ''];
    for (const ctx of [{ tz: 'UTC', year: 2026, yearSource: 'file time' }, { tz: 'Europe/Zurich', year: 2024, yearSource: 'analyst' }])
      for (const t of tokens) expect(syslogTokenTime(t, ctx), `${t} ${ctx.tz}`).toStrictEqual(syslogTime(t, ctx));
  });
});
