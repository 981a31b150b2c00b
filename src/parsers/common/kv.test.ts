import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KvPicker, parseKv } from './kv';
import { mulberry32 as rng } from '../../scenario/prng';

/**
 * What parseKv (the regex) says for every key it found plus a few absent ones, as KvPicker reports
 * it; with `only`, for the `extra` keys alone (the pairs nobody asks for are skipped, not read).
 */
function agree(text: string, extra: readonly string[] = ['absent', 'x'], only = false): void {
  const keys = only ? [...extra] : [...new Set([...parseKv(text).keys(), ...extra])];
  const out: (string | undefined)[] = [];
  new KvPicker(keys).pick(text, out);
  const want = keys.map((k) => parseKv(text).get(k));
  expect(out, JSON.stringify(text)).toEqual(want);
}


describe('KvPicker', () => {
  it('reads the same values as parseKv on real dCache access lines', () => {
    const text = readFileSync(join(__dirname, '..', 'dcache-access', 'samples', 'webdavDomain.access'), 'utf8');
    for (const line of text.split('\n')) agree(line);
  });

  it('agrees with parseKv on quoting, escapes, duplicates and odd key characters', () => {
    for (const t of [
      'a=1 b="x y" c=',
      'a="unterminated b=2',
      'a="esc \\" quote" b=1',
      'a="trailing backslash\\',
      'a="bs before cr\\\r" b=2',
      'a="bs before ls\\\u2028" b=3',
      'k=1 k=2 k="3 4"',
      '9abc=1 -x=2 .y=3 _z=4 a.b-c_d=5',
      'x==y a=b=c',
      '=a a= =',
      'weird\u00a0k=v\u00a0next=1 tab\tq="a\tb"',
      'url=https://h/p?a=b&c=d n=1',
      'k="a\\\\" j=2',
      'k=""x',
      '',
      'no pairs at all',
      'ε=1 aε=2 é_k=3',
    ]) {
      agree(t);
      agree(t, ['a', 'b', 'next'], true);
    }
  });

  it('skips pairs nobody asks for without losing the pairs after them', () => {
    // A value that is not read still ends at the first whitespace of any kind.
    for (const t of ['a=x\ty=1 b=2', 'a=x\u00a0b=1 c', 'skip=u?v=w\tb=3 a=4', 'skip="q\tz" b=5', 'skip=x\r\nb=6 q=7 a=8']) agree(t, ['a', 'b'], true);
  });

  it('agrees with parseKv on random strings of the characters that matter', () => {
    const next = rng(7);
    const alphabet = ['a', 'b', 'k', '_', '.', '-', '1', '=', '"', '\\', ' ', '\t', '\r', '\u2028', '\u00a0', 'é', 'x='];
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = Math.floor(next() * 24);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      agree(s, ['a', 'b', 'k', 'ab', 'a.b', 'k_', 'k1', 'a-1', 'b.']);
      agree(s, ['b', 'ab'], true);
    }
  });
});
