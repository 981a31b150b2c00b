import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';

describe('isoTime', () => {
  it('equals Date.prototype.toISOString over the whole range of four-digit years', () => {
    // A seeded walk over 0000–9999 plus the edges: day boundaries, leap days, century years.
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const cases = [0, -1, 1, 86_399_999, 86_400_000, -62_167_219_200_000, 253_402_300_799_999, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, -2_203_891_200_001];
    for (let k = 0; k < 40_000; k++) cases.push(Math.floor(-62_167_219_200_000 + rnd() * (253_402_300_799_999 + 62_167_219_200_000)));
    for (let k = 0; k < 5_000; k++) cases.push(1_700_000_000_000 + Math.floor(rnd() * 1e9));
    for (const ms of cases) expect(isoTime(ms), String(ms)).toBe(new Date(ms).toISOString());
  });

  it('hands years outside 0000–9999 and fractional times to Date', () => {
    for (const ms of [-62_167_219_200_001, 253_402_300_800_000, 8.64e15, 1.5, -0.5]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });
});
