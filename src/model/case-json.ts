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
    // Links may be a table that makes each link as it is read (src/model/entity.ts LinkList).
    const items: Iterable<unknown> = c[k];
    let i = 0;
    for (const item of items) if (add(`${i++ ? ',' : ''}\n${JSON.stringify(item)}`)) yield take();
    if (add(`${i ? '\n' : ''}]`)) yield take();
    from = end;
  }
  add(`${skeleton.slice(from)}\n`);
  yield take();
}

/** A line of the layout that opens a streamed list, and which. */
function opensList(line: string): (typeof STREAMED_LISTS)[number] | undefined {
  return STREAMED_LISTS.find((k) => line.endsWith(`"${k}":[`));
}

/** An item line of a streamed list that is not JSON. */
export class CaseLineError extends Error {
  constructor(
    readonly line: number,
    readonly list: string,
    readonly reason: string,
  ) {
    super(`line ${line}: not a JSON item of "${list}": ${reason}`);
  }
}

/**
 * Reads the layout back from its lines, keeping only the small document around the lists as text.
 * Undefined when the text is not in the layout (the caller reads it whole). Files from before
 * entities and links were streamed (events only) read the same way. Not validated here.
 */
export async function caseFromLines(lines: AsyncIterable<string>): Promise<unknown | undefined> {
  let doc = '';
  const lists = new Map<string, unknown[]>();
  let open: string | undefined;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (n === 1 && !opensList(line)) return undefined;
    if (open && !line.startsWith(']')) {
      const text = line.endsWith(',') ? line.slice(0, -1) : line;
      try {
        lists.get(open)!.push(JSON.parse(text));
      } catch (e) {
        throw new CaseLineError(n, open, (e as Error).message);
      }
      continue;
    }
    doc += line;
    open = opensList(line);
    if (open) lists.set(open, []);
  }
  if (open || n === 0) return undefined;
  const parsed = JSON.parse(doc) as Record<string, unknown>;
  for (const [k, items] of lists) parsed[k] = items;
  return parsed;
}

/** The lines of a text stream (LF or CRLF), for `caseFromLines` over a file's stream. */
export async function* textLines(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    // The pieces of the unfinished line, joined once it ends: appending each chunk to a carried
    // string would copy a long line again for every chunk.
    let pending: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let from = 0;
      for (let nl = value.indexOf('\n'); nl !== -1; nl = value.indexOf('\n', from)) {
        pending.push(value.slice(from, nl));
        const line = pending.length === 1 ? pending[0]! : pending.join('');
        pending = [];
        yield line.endsWith('\r') ? line.slice(0, -1) : line;
        from = nl + 1;
      }
      if (from < value.length) pending.push(value.slice(from));
    }
    if (pending.length) yield pending.join('');
  } finally {
    // A reader that stops early (not the layout: read whole instead) lets the file go.
    await reader.cancel().catch(() => {});
  }
}
