import { expect, it } from 'vitest';
import { duration, relative, utc } from './time-format';

it('formats claim times the way an analyst reads them', () => {
  const now = Date.UTC(2026, 2, 14, 12, 0, 0) / 1000;
  expect(utc(now)).toBe('2026-03-14T12:00:00Z');
  expect(relative('exp', now - 3 * 3600, now)).toBe('expired 3 h ago');
  expect(relative('exp', now + 20 * 60, now)).toBe('expires in 20 min');
  expect(relative('nbf', now + 7200, now)).toBe('not valid for another 2 h');
  expect(relative('iat', now - 9 * 86400, now)).toBe('issued 9 d ago');
  expect(duration(30)).toBe('30 s');
});
