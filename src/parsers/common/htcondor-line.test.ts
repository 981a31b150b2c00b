import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../scenario/prng';
import { parseCondorLine } from './htcondor-line';

describe('parseCondorLine', () => {
  it('reads the header tags as the tag regex it replaced does (fuzzed tag runs)', () => {
    // The reference: the regex parseCondorLine used per tag.
    const TAGS = /\((pid|tid|cid):(\d+)\) |\((D_[^)]*)\) /g;
    const next = rng(3);
    const tags = ['(pid:4711) ', '(tid:2) ', '(cid:206277) ', '(D_AUDIT) ', '(D_SECURITY|D_FULLDEBUG) ', '(D_ALWAYS:2) ', '(cid:0) ', '(pid:12) ', '(cid:000123) ', '(tid:123456789012345) ', '(pid:1234567890123456789) ', '(cid:99999999999999999999999) '];
    let read = 0;
    for (let n = 0; n < 3000; n++) {
      let run = '';
      const len = Math.floor(next() * 5);
      for (let i = 0; i < len; i++) run += tags[Math.floor(next() * tags.length)];
      const c = parseCondorLine(`11/23/26 01:14:15 ${run}Submitting new job 1.0`, 'UTC')!;
      const want: Record<string, number | string | undefined> = { pid: undefined, tid: undefined, cid: undefined, cat: undefined };
      TAGS.lastIndex = 0;
      for (let t = TAGS.exec(run); t; t = TAGS.exec(run)) {
        if (t[1]) want[t[1]] = Number(t[2]);
        else want.cat = t[3];
        read++;
      }
      expect({ pid: c.pid, tid: c.tid, cid: c.cid, cat: c.cat }, run).toEqual(want);
      expect(c.message).toBe('Submitting new job 1.0');
    }
    expect(read).toBeGreaterThan(3000);
  });

  it('reads the epoch form and rejects lines without a header', () => {
    expect(parseCondorLine('1795392855.123 (cid:7) (D_AUDIT) x', 'UTC')).toMatchObject({ time: { ts: 1795392855123 }, cid: 7, cat: 'D_AUDIT', message: 'x' });
    expect(parseCondorLine('not a condor line', 'UTC')).toBeUndefined();
  });
});
