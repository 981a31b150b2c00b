import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINE_BAD_UTF8, LINE_CUT, LineSplitter } from './lines';
import { StringLineSplitter } from './testing/string-line-splitter';
import { mulberry32 as rng } from '../scenario/prng';

/** Lines and flags a splitter gives for `chunks`, in order. */
function run(s: { push(c: Uint8Array): void; end(): void; lines: string[]; flags: number[] }, chunks: Uint8Array[]): { lines: string[]; flags: number[] } {
  const lines: string[] = [];
  const flags: number[] = [];
  for (const c of chunks) {
    s.push(c);
    lines.push(...s.lines);
    flags.push(...s.flags);
  }
  s.end();
  lines.push(...s.lines);
  flags.push(...s.flags);
  return { lines, flags };
}

const splitAll = (chunks: Uint8Array[], max = 100) => run(new LineSplitter(max), chunks);
const enc = (t: string) => new TextEncoder().encode(t);

describe('LineSplitter', () => {
  it('splits on LF and CRLF across chunk borders, keeps a last line without newline', () => {
    const bytes = enc('alpha\r\nbeta\ngam');
    const { lines, flags } = splitAll([bytes.subarray(0, 6), bytes.subarray(6, 9), bytes.subarray(9), enc('ma\n\nlast')]);
    expect(lines).toEqual(['alpha', 'beta', 'gamma', '', 'last']);
    expect(flags).toEqual([0, 0, 0, 0, 0]);
  });

  it('decodes a multi-byte character split between chunks', () => {
    const bytes = enc('grüße\n');
    const { lines, flags } = splitAll([bytes.subarray(0, 3), bytes.subarray(3)]);
    expect(lines).toEqual(['grüße']);
    expect(flags).toEqual([0]);
  });

  it('flags invalid UTF-8 and replaces it', () => {
    const { lines, flags } = splitAll([new Uint8Array([0x6f, 0x6b, 0x0a, 0x62, 0xff, 0x61, 0x64, 0x0a])]);
    expect(lines).toEqual(['ok', 'b\uFFFDad']);
    expect(flags).toEqual([0, LINE_BAD_UTF8]);
  });

  it('keeps no view of a pushed chunk: the caller may reuse its buffer', () => {
    const s = new LineSplitter(100);
    const buf = enc('first\nsecond ha');
    s.push(buf);
    expect(s.lines).toEqual(['first']);
    buf.fill(0x78); // the reader reuses its buffer for the next read
    s.push(enc('lf\n'));
    expect(s.lines).toEqual(['second half']);
  });

  it('cuts a long line at the limit with a marker and continues with the next line', () => {
    const long = 'x'.repeat(250);
    const bytes = enc(`a\n${long}\nb\n`);
    const chunks = [];
    for (let o = 0; o < bytes.length; o += 7) chunks.push(bytes.subarray(o, o + 7));
    const { lines, flags } = splitAll(chunks, 100);
    expect(lines.length).toBe(3);
    expect(lines[1]).toMatch(/^x{100} …\[line cut at 100 characters\]$/);
    expect(flags).toEqual([0, LINE_CUT, 0]);
    expect(lines[2]).toBe('b');
  });
});

describe('LineSplitter against the chunk-decoding splitter it replaced', () => {
  const pieces: number[][] = [
    [0x61], [0x62], [0x20], [0x0a], [0x0a], [0x0d, 0x0a], [0x0d],
    [...new TextEncoder().encode('é')], [...new TextEncoder().encode('€')], [...new TextEncoder().encode('😀')],
    [0xff], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd],
  ];

  function compare(bytes: Uint8Array, cuts: number[], max: number): void {
    const chunks: Uint8Array[] = [];
    let at = 0;
    for (const c of [...cuts, bytes.length]) {
      chunks.push(bytes.slice(at, c));
      at = c;
    }
    const want = run(new StringLineSplitter(max), chunks);
    const got = run(new LineSplitter(max), chunks.map((c) => c.slice()));
    expect(got, `bytes ${[...bytes].join(',')} cuts ${cuts.join(',')} max ${max}`).toEqual(want);
  }

  it('gives the same lines and flags for random bytes (multi-byte, invalid, BOM, CR) in random chunks', () => {
    const next = rng(11);
    for (let n = 0; n < 5000; n++) {
      const out: number[] = n % 7 === 0 ? [0xef, 0xbb, 0xbf] : [];
      const len = Math.floor(next() * 40);
      for (let i = 0; i < len; i++) out.push(...pieces[Math.floor(next() * pieces.length)]!);
      const bytes = new Uint8Array(out);
      const cuts = [...new Set(Array.from({ length: Math.floor(next() * 5) }, () => Math.floor(next() * (bytes.length + 1))))].sort((a, b) => a - b);
      // Limits long enough not to cut (the common case) and short enough to cut often.
      compare(bytes, cuts, 1000);
      compare(bytes, cuts, 4 + Math.floor(next() * 12));
    }
  });

  it('gives the same lines for real log text split into 64 KiB and odd-sized chunks', () => {
    const text = readFileSync(join(__dirname, '..', 'parsers', 'xrootd', 'samples', 'xrootd.log'), 'utf8');
    const bytes = new TextEncoder().encode(`\uFEFF${text.repeat(20)}`);
    compare(bytes, [65536, 65537, 65540, 100_000].filter((c) => c < bytes.length), 1024 * 1024);
    compare(bytes, Array.from({ length: Math.floor(bytes.length / 997) }, (_, i) => (i + 1) * 997), 200);
  });
});
