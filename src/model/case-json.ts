/**
 * The case JSON text, in chunks, never as one string (a large case's events, entities or links do
 * not fit in one V8 string). Layout: `JSON.stringify` of the case, except that the events, entities
 * and links are written one item per line, a line that opens such a list ending with `"<name>":[`
 * and the line that closes it starting with `]`. The CLI writes and reads it line by line
 * (src/cli/write-case.ts, load-case.ts); the app exports it; as JSON it is just JSON.
 * Deterministic: same case, same text.
 */
import type { Case } from './case';

/** The lists written one item per line. */
export const STREAMED_LISTS = ['events', 'entities', 'links'] as const;

/** Yields the case JSON in flat strings of about `chunkChars` characters (the last one shorter). */
export function* caseJsonChunks(c: Case, chunkChars = 1 << 20): Generator<string> {
  const skeleton = JSON.stringify({ ...c, events: [], entities: [], links: [] });
  const slots = STREAMED_LISTS.map((k) => {
    const mark = `"${k}":[]`;
    const at = skeleton.indexOf(mark);
    if (at < 0) throw new Error(`case skeleton has no ${k} slot`);
    return { k, at, end: at + mark.length };
  }).sort((a, b) => a.at - b.at);
  // Parts joined per chunk: one flat string each, not a rope an encoder must flatten first.
  let parts: string[] = [];
  let size = 0;
  const add = (s: string): boolean => {
    parts.push(s);
    size += s.length;
    return size >= chunkChars;
  };
  const take = (): string => {
    const s = parts.join('');
    parts = [];
    size = 0;
    return s;
  };
  let from = 0;
  for (const { k, at, end } of slots) {
    add(skeleton.slice(from, at));
    if (add(`"${k}":[`)) yield take();
    const items: readonly unknown[] = c[k];
    for (let i = 0; i < items.length; i++) if (add(`${i ? ',' : ''}\n${JSON.stringify(items[i])}`)) yield take();
    if (add(`${items.length ? '\n' : ''}]`)) yield take();
    from = end;
  }
  add(`${skeleton.slice(from)}\n`);
  yield take();
}
