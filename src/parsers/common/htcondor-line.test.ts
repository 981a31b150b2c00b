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

  it('finds the header where the one-regex header did: milliseconds, tags, epoch form, near misses', () => {
    const HEADER = /^(?:\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})?|(\d{9,11})(?:\.(\d{3}))?) ((?:\((?:pid|tid|cid):\d+\) |\(D_[A-Z_]+(?::\d)?(?:\|D_[A-Z_]+(?::\d)?)*\) )*)/;
    const heads = ['11/23/26 01:14:15', '11/23/26 01:14:15.123', '11/23/26 01:14:15.12', '11/23/26 01:14:15.1234', '11/23/2601:14:15', '1795392855', '1795392855.123', '11/23/26 1:14:15', '13/23/26 01:14:15'];
    const tagRuns = ['', '(cid:7) ', '(pid:1) (D_AUDIT) ', '(D_SECURITY|D_FULLDEBUG) (tid:3) ', '(cid:x) '];
    for (const head of heads)
      for (const tags of tagRuns)
        for (const msg of ['Submitting new job 1.0', ' x', '', 'y  ']) {
          const text = `${head} ${tags}${msg}`;
          const h = HEADER.exec(text);
          const c = parseCondorLine(text, 'UTC');
          if (!h || head.startsWith('13/')) expect(c, text).toBeUndefined();
          else expect(c?.message, text).toBe(text.slice(h[0].length).trimEnd());
        }
  });
});
