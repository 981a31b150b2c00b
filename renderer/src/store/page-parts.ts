/**
 * Events of stored pages taken apart and put together again without parsing them: a rewrite of a
 * case (too many sorted runs, or an input removed) moves each event's JSON, columns, pivot keys and
 * search text into new pages, which costs a fraction of parsing and re-encoding every event.
 */
import { PageColsBuilder, type PageCols, type PageText } from './page-cols';

/** One stored event with everything its page records hold about it. */
export interface StoredEvent {
  json: string;
  ts: number;
  line: number;
  id: string;
  input: string;
  parser: string;
  kind: string;
  sev: number;
  keys: string[];
  /** Its lowercase search text (`text\0summary`). */
  text: string;
}

/** The events of one stored page, in the page's order. */
export function storedEvents(events: string[], cols: PageCols, text: PageText): StoredEvent[] {
  const keys: string[][] = Array.from({ length: cols.n }, () => []);
  let start = 0;
  for (let k = 0; k < cols.keys.length; k++) {
    const end = cols.keyEnd[k]!;
    for (let j = start; j < end; j++) keys[cols.keyPos[j]!]!.push(cols.keys[k]!);
    start = end;
  }
  return Array.from({ length: cols.n }, (_, i) => ({
    json: events[i]!,
    ts: cols.ts[i]!,
    line: cols.line[i]!,
    id: cols.ids[i]!,
    input: cols.inputs[cols.input[i]!]!,
    parser: cols.parsers[cols.parser[i]!]!,
    kind: cols.kinds[cols.kind[i]!]!,
    sev: cols.sev[i]!,
    keys: keys[i]!,
    text: text.text.slice(i === 0 ? 0 : text.textEnd[i - 1]! + 1, text.textEnd[i]),
  }));
}

/** A page from stored events already in order: the same records encodePage makes from the events. */
export function encodeStored(caseId: string, page: number, items: StoredEvent[]): { events: string[]; cols: PageCols; text: PageText } {
  const b = new PageColsBuilder(items.length);
  const flat = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const e = items[i]!;
    b.row(i, e.ts, e.line, e.id, e.input, e.parser, e.kind, e.sev, e.text);
    for (const k of e.keys) {
      const list = flat.get(k);
      if (list) list.push(i);
      else flat.set(k, [i]);
    }
  }
  return { events: items.map((e) => e.json), ...b.finish(caseId, page, flat) };
}
