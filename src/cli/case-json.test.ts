// caseJsonChunks (src/model/case-json.ts) on a real analysed case: here, since src/model may import nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../ingest/source';
import { analyzeSources } from '../pipeline/index';
import { collectScenario } from '../scenario/testing';
import type { Case } from '../model/case';
import { CaseLineError, caseFromLines, caseJsonChunks, STREAMED_LISTS, textLines } from '../model/case-json';

describe('caseJsonChunks', () => {
  let c: Case;
  beforeAll(async () => {
    const { files } = await collectScenario({ name: 'hijacked-pilot', seed: 5, size: 1_000_000 });
    c = JSON.parse(JSON.stringify(await analyzeSources([...files].filter(([p]) => !p.startsWith('answers:')).map(([p, b]) => bytesSource(p, b)), { name: 'chunks' })));
  });

  it('is the case as JSON, whatever the chunk size, with each streamed item on its own line', () => {
    const whole = [...caseJsonChunks(c)].join('');
    expect(JSON.parse(whole)).toEqual(c);
    for (const size of [1, 100, 4096]) expect([...caseJsonChunks(c, size)].join('')).toBe(whole);
    const lines = whole.split('\n');
    for (const k of STREAMED_LISTS) {
      expect(c[k].length).toBeGreaterThan(0);
      const open = lines.findIndex((l) => l.endsWith(`"${k}":[`));
      expect(open).toBeGreaterThanOrEqual(0);
      // The list's items, in order, one per line, then the line that closes it.
      const items = lines.slice(open + 1, open + 1 + c[k].length).map((l) => JSON.parse(l.endsWith(',') ? l.slice(0, -1) : l));
      expect(items).toEqual(c[k]);
      expect(lines[open + 1 + c[k].length]!.startsWith(']')).toBe(true);
    }
  });

  it('keeps chunks near the size asked (no chunk holds the whole case)', () => {
    const chunks = [...caseJsonChunks(c, 64 * 1024)];
    expect(chunks.length).toBeGreaterThan(3);
    const longestItem = Math.max(...STREAMED_LISTS.flatMap((k) => [...c[k]].map((x) => JSON.stringify(x).length)));
    for (const ch of chunks.slice(0, -1)) expect(ch.length).toBeLessThan(64 * 1024 + longestItem + 64);
  });

  it('writes empty lists as []', () => {
    const empty = { ...c, events: [], entities: [], links: [] };
    expect([...caseJsonChunks(empty)].join('')).toBe(`${JSON.stringify(empty)}\n`);
  });

  it('reads back from a text stream in any chunking, CRLF too; other JSON is left to a whole read', async () => {
    const text = [...caseJsonChunks(c)].join('');
    // Pulled chunk by chunk, as a file's stream delivers them.
    const streamOf = (t: string, size: number) => {
      let i = 0;
      return new ReadableStream<string>({
        pull(ctl) {
          if (i >= t.length) ctl.close();
          else ctl.enqueue(t.slice(i, i + size));
          i += size;
        },
      });
    };
    for (const size of [997, 4093, 1 << 20]) expect(await caseFromLines(textLines(streamOf(text, size)))).toEqual(c);
    expect(await caseFromLines(textLines(streamOf(text.replaceAll('\n', '\r\n'), 4093)))).toEqual(c);
    expect(await caseFromLines(textLines(streamOf(JSON.stringify(c, null, 1), 4093)))).toBeUndefined();
    const bad = text.split('\n');
    bad[3] = '{"id":';
    await expect(caseFromLines(textLines(streamOf(bad.join('\n'), 4093)))).rejects.toBeInstanceOf(CaseLineError);
  });
});
