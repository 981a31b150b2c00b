/**
 * Events of stored pages taken apart and put together again without parsing them: a rewrite of a
 * case (too many sorted runs, or an input removed) moves each event's JSON, columns, pivot keys and
 * search text into new pages, which costs a fraction of parsing and re-encoding every event.
 */
import { dict, packPostings, type PageCols, type PageText } from './page-cols';

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
  const n = items.length;
  const ts = new Float64Array(n);
  const line = new Float64Array(n);
  const inputs = dict();
  const parsers = dict();
  const kinds = dict();
  const input = new Uint16Array(n);
  const parser = new Uint16Array(n);
  const kind = new Uint16Array(n);
  const sev = new Uint8Array(n);
  const textEnd = new Uint32Array(n);
  const flat = new Map<string, number[]>();
  let tpos = 0;
  for (let i = 0; i < n; i++) {
    const e = items[i]!;
    ts[i] = e.ts;
    line[i] = e.line;
    input[i] = inputs.of(e.input);
    parser[i] = parsers.of(e.parser);
    kind[i] = kinds.of(e.kind);
    sev[i] = e.sev;
    for (const k of e.keys) {
      const list = flat.get(k);
      if (list) list.push(i);
      else flat.set(k, [i]);
    }
    tpos += e.text.length;
    textEnd[i] = tpos;
    tpos += 1;
  }
  const cols: PageCols = {
    caseId,
    page,
    n,
    ts,
    line,
    ids: items.map((e) => e.id),
    inputs: inputs.list,
    input,
    parsers: parsers.list,
    parser,
    kinds: kinds.list,
    kind,
    sev,
    ...packPostings(flat),
  };
  return { events: items.map((e) => e.json), cols, text: { caseId, page, text: items.map((e) => e.text).join('\u0001'), textEnd } };
}
