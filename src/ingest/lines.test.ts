import { describe, expect, it } from 'vitest';
import { LINE_BAD_UTF8, LINE_CUT, LineSplitter } from './lines';

function splitAll(chunks: Uint8Array[], max = 100): { lines: string[]; flags: number[] } {
  const s = new LineSplitter(max);
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
