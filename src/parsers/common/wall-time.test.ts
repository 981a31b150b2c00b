import { describe, expect, it } from 'vitest';
import { assumedTime } from './time';
import { wallTime } from './wall-time';

describe('wallTime', () => {
  it('agrees with assumedTime across zones and DST changes', () => {
    for (const tz of ['UTC', 'Europe/Zurich', 'America/Chicago', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (const [y, mo, d] of [
        [2026, 3, 29],
        [2026, 10, 25],
        [2026, 11, 1],
        [2026, 11, 23],
      ]) {
        for (let h = 0; h < 24; h++) {
          const f = { year: y, month: mo, day: d, hour: h, minute: 17, second: 41, ms: 250 };
          expect(wallTime('t', tz, f), `${tz} ${y}-${mo}-${d} ${h}`).toEqual(assumedTime('t', tz, f));
        }
      }
    }
  });
});
