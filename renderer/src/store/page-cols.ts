/**
 * The columnar side of an event page: what a query needs to know about each event without parsing
 * the page's JSON (time, order keys, kind, source, severity, pivot postings), plus the lowercase
 * text to search, kept in its own record so opening a case does not have to read it.
 *
 * Built once when the page is written (the events are in hand then); the case index
 * (case-index.ts) concatenates the columns of all pages in memory.
 */
import type { TgEvent } from '../../../src/model';
import { SEVERITIES } from '../../../src/model/severity';
import { pivotKeys } from '../features/timeline/source';

/** Per-page columns (one entry per event, in the page's order). Strings are dictionary-coded per page. */
export interface PageCols {
  caseId: string;
  page: number;
  n: number;
  ts: Float64Array;
  line: Float64Array;
  ids: string[];
  inputs: string[];
  input: Uint16Array;
  parsers: string[];
  parser: Uint16Array;
  kinds: string[];
  kind: Uint16Array;
  /** Severity rank (info = 0). */
  sev: Uint8Array;
  /** Pivot keys of the page; key k's event positions are keyPos[keyEnd[k-1] .. keyEnd[k]). */
  keys: string[];
  keyEnd: Uint32Array;
  keyPos: Uint16Array;
  /** End offset of event i's JSON in the page's `json` (it starts one character after event i-1's end). */
  jsonEnd: Uint32Array;
}

/** Lowercase searchable text of a page: event i is `text\0summary`, events separated by \u0001. */
export interface PageText {
  caseId: string;
  page: number;
  text: string;
  /** End offset (exclusive) of event i in `text`. */
  textEnd: Uint32Array;
}

/** Characters that separate the text of events and fields; a needle holding them needs the row filter. */
export const TEXT_SEPARATORS = /[\u0000\u0001]/;

function dict(): { list: string[]; of(s: string): number } {
  const list: string[] = [];
  const m = new Map<string, number>();
  return {
    list,
    of(s) {
      let i = m.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        m.set(s, i);
      }
      return i;
    },
  };
}

/** Encodes events (already in order) as page JSON, columns and search text in one pass. */
export function encodePage(caseId: string, page: number, events: TgEvent[]): { json: string; cols: PageCols; text: PageText } {
  const n = events.length;
  const ts = new Float64Array(n);
  const line = new Float64Array(n);
  const ids = new Array<string>(n);
  const inputs = dict();
  const parsers = dict();
  const kinds = dict();
  const input = new Uint16Array(n);
  const parser = new Uint16Array(n);
  const kind = new Uint16Array(n);
  const sev = new Uint8Array(n);
  const jsonEnd = new Uint32Array(n);
  const textEnd = new Uint32Array(n);
  const postings = new Map<string, number[]>();
  const parts = new Array<string>(n);
  const texts = new Array<string>(n);
  let jpos = 1;
  let tpos = 0;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    ts[i] = e.time.ts;
    line[i] = e.src.line;
    ids[i] = e.id;
    input[i] = inputs.of(e.src.input);
    parser[i] = parsers.of(e.src.parser);
    kind[i] = kinds.of(e.kind);
    sev[i] = e.severity ? Math.max(0, SEVERITIES.indexOf(e.severity)) : 0;
    // The same key twice on one event (host and workerNode equal) is one posting.
    for (const k of pivotKeys(e)) {
      const p = postings.get(k);
      if (!p) postings.set(k, [i]);
      else if (p[p.length - 1] !== i) p.push(i);
    }
    const j = JSON.stringify(e);
    parts[i] = j;
    jpos += j.length;
    jsonEnd[i] = jpos;
    jpos += 1;
    const t = `${e.text.toLowerCase()}\u0000${(e.summary ?? '').toLowerCase()}`;
    texts[i] = t;
    tpos += t.length;
    textEnd[i] = tpos;
    tpos += 1;
  }
  const keys = [...postings.keys()].sort();
  const keyEnd = new Uint32Array(keys.length);
  let total = 0;
  for (let k = 0; k < keys.length; k++) {
    total += postings.get(keys[k]!)!.length;
    keyEnd[k] = total;
  }
  const keyPos = new Uint16Array(total);
  let o = 0;
  for (const k of keys) for (const p of postings.get(k)!) keyPos[o++] = p;
  const cols: PageCols = {
    caseId,
    page,
    n,
    ts,
    line,
    ids,
    inputs: inputs.list,
    input,
    parsers: parsers.list,
    parser,
    kinds: kinds.list,
    kind,
    sev,
    keys,
    keyEnd,
    keyPos,
    jsonEnd,
  };
  return { json: `[${parts.join(',')}]`, cols, text: { caseId, page, text: texts.join('\u0001'), textEnd } };
}

/** Event `i` of a page from its JSON and columns, parsing only that event. */
export function eventAt(json: string, jsonEnd: Uint32Array, i: number): TgEvent {
  const start = i === 0 ? 1 : jsonEnd[i - 1]! + 1;
  return JSON.parse(json.slice(start, jsonEnd[i])) as TgEvent;
}

/** First index whose end is greater than `pos` (the event holding text offset `pos`). */
export function eventOfOffset(ends: Uint32Array, pos: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Positions (ascending) of the events of a page whose text or summary contains `needle` (lowercase, no separators). */
export function searchText(t: PageText, needle: string): number[] {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const pos = t.text.indexOf(needle, from);
    if (pos < 0) return out;
    const i = eventOfOffset(t.textEnd, pos);
    out.push(i);
    from = t.textEnd[i]! + 1;
  }
}
