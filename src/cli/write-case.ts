/**
 * Writes a case JSON without building one giant string (a large case's events, entities or links
 * do not fit in one V8 string): the document around the lists is stringified, and the lists are
 * written one item per line, a line that opens a list ending with `"<name>":[` and the line that
 * closes it starting with `]`, as `load-case.ts` reads them back. Output is deterministic and
 * byte-for-byte `JSON.stringify` apart from those newlines.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Case } from '../model/case';

/** The lists written one item per line (load-case.ts reads the same names). */
export const STREAMED_LISTS = ['events', 'entities', 'links'] as const;
const CHUNK = 1 << 20;

export async function writeCaseFile(c: Case, path: string): Promise<void> {
  const skeleton = JSON.stringify({ ...c, entities: [], links: [], events: [] });
  const slots = STREAMED_LISTS.map((k) => {
    const mark = `"${k}":[]`;
    const at = skeleton.indexOf(mark);
    if (at < 0) throw new Error(`case skeleton has no ${k} slot`);
    return { k, at, end: at + mark.length };
  }).sort((a, b) => a.at - b.at);
  const fd = openSync(path, 'w');
  try {
    // Parts joined per MiB: one flat string per write, not a rope the encoder must flatten first.
    let parts: string[] = [];
    let size = 0;
    const flush = () => {
      if (parts.length) writeSync(fd, parts.join(''));
      parts = [];
      size = 0;
    };
    const put = (s: string) => {
      parts.push(s);
      size += s.length;
      if (size > CHUNK) flush();
    };
    let from = 0;
    for (const { k, at, end } of slots) {
      put(skeleton.slice(from, at));
      put(`"${k}":[`);
      const items: readonly unknown[] = c[k];
      for (let i = 0; i < items.length; i++) put(`${i ? ',' : ''}\n${JSON.stringify(items[i])}`);
      put(`${items.length ? '\n' : ''}]`);
      from = end;
    }
    put(`${skeleton.slice(from)}\n`);
    flush();
  } finally {
    closeSync(fd);
  }
}
