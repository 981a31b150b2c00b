/**
 * The token finder's literal gates (src/tokens/find.ts) must never skip a credential the ungated
 * regex finds: here the URL-password finder, fed fuzzed URL-like text and the redaction corpus,
 * against the ungated form it replaced (userinfo regex on every candidate line).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../scenario/prng';
import { findSecrets, mayContainSecret } from '../tokens/find';
import { buildCorpus } from './corpus';

// Copies of find.ts's URL_USERINFO and URL_PASS_RE: the reference runs them on every line.
const URL_USERINFO = /:\/\/[^\s:/@]{1,128}:[^\s@/]{1,256}@/;
const URL_PASS_RE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s:/@]{1,128}:([^\s@/]{1,256})@/gi;

/** URL passwords the ungated finder reports for `text` (as values). */
function ungatedUrlPasswords(text: string): string[] {
  if (!mayContainSecret(text)) return [];
  const ui = URL_USERINFO.exec(text);
  if (!ui) return [];
  const out: string[] = [];
  URL_PASS_RE.lastIndex = Math.max(0, ui.index - 16);
  for (let m = URL_PASS_RE.exec(text); m; m = URL_PASS_RE.exec(text)) out.push(m[1]!);
  return out;
}

const urlPasswords = (text: string) =>
  findSecrets(text)
    .filter((m) => m.hint === 'url-password')
    .map((m) => m.value);

describe('token finder gates', () => {
  it('find every URL password the ungated userinfo scan finds (fuzzed URL-like text)', () => {
    const next = rng(11);
    const parts = ['https', 'root', '://', '//', ':', '@', '@@', 'u', 'pw9', ' ', '/', '.', 'h.org', '\t', 'x:y', ':1094'];
    let found = 0;
    for (let n = 0; n < 30000; n++) {
      let s = '';
      const len = 2 + Math.floor(next() * 14);
      for (let i = 0; i < len; i++) s += parts[Math.floor(next() * parts.length)];
      const want = ungatedUrlPasswords(s);
      found += want.length;
      expect(urlPasswords(s), JSON.stringify(s)).toEqual(want);
    }
    expect(found).toBeGreaterThan(50); // the fuzz does produce URL passwords
  });

  it('find every URL password of the redaction corpus', async () => {
    const corpus = await buildCorpus();
    let found = 0;
    for (const line of [...corpus.lines, ...corpus.negatives]) {
      const want = ungatedUrlPasswords(line);
      found += want.length;
      expect(urlPasswords(line)).toEqual(want);
    }
    expect(found).toBeGreaterThan(0);
  });
});
