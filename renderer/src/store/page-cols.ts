/**
 * The columnar side of an event page: what a query needs to know about each event without parsing
 * the page's JSON (time, order keys, kind, source, severity, pivot postings), plus the lowercase
 * text to search, kept in its own record so opening a case does not have to read it.
 *
 * Built once when the page is written (the events are in hand then); the case index
 * (case-index.ts) concatenates the columns of all pages in memory.
 */
import type { TgEvent } from '../../../src/model';
import { dict } from '../../../src/model/dict';
import { SEVERITIES } from '../../../src/model/severity';

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


/** Field -> value -> positions: the pivot keys (`field:value`) without building a string per event and key. */
type Postings = Map<string, Map<string, number[]>>;

function post(p: Postings, field: string, v: string | number | undefined, i: number): void {
  if (v === undefined || v === '') return;
  let byValue = p.get(field);
  if (!byValue) {
    byValue = new Map();
    p.set(field, byValue);
  }
  const key = typeof v === 'string' ? v : String(v);
  const list = byValue.get(key);
  if (!list) byValue.set(key, [i]);
  // The same key twice on one event (host and workerNode equal) is one posting.
  else if (list[list.length - 1] !== i) list.push(i);
}

/** The keys of `pivotKeys` (features/timeline/source.ts), field by field; the page-cols test holds them equal. */
function addPivots(p: Postings, e: TgEvent, i: number): void {
  const d = e.ids;
  post(p, 'ip', d.ip, i);
  post(p, 'host', d.host, i);
  post(p, 'host', d.workerNode, i);
  post(p, 'user', d.user, i);
  post(p, 'sub', d.sub, i);
  post(p, 'jti', d.jti, i);
  post(p, 'vo', d.vo, i);
  post(p, 'job', d.ceJobId, i);
  post(p, 'job', d.batchJobId, i);
  post(p, 'job', d.globalJobId, i);
  post(p, 'job', d.arcJobId, i);
  post(p, 'pilot', d.pilotId, i);
  post(p, 'payload', d.payloadId, i);
  post(p, 'endpoint', d.endpoint, i);
  if (d.tokenFps) for (const fp of d.tokenFps) post(p, 'tok', fp.slice(0, 16), i);
}

/**
 * Encodes events (already in order) as one JSON string per event, columns and search text in one
 * pass. A page keeps its events as an array of JSON strings: reading a row parses only that row,
 * and writing skips joining them (measured against one JSON string per page with a scan for event
 * boundaries: the same IndexedDB cost, ~2 µs less per event).
 */
export function encodePage(caseId: string, page: number, events: TgEvent[]): { events: string[]; cols: PageCols; text: PageText } {
  const b = new PageColsBuilder(events.length);
  const json = new Array<string>(events.length);
  const postings: Postings = new Map();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const sev = e.severity ? Math.max(0, SEVERITIES.indexOf(e.severity)) : 0;
    b.row(i, e.time.ts, e.src.line, e.id, e.src.input, e.src.parser, e.kind, sev, `${e.text.toLowerCase()}\u0000${(e.summary ?? '').toLowerCase()}`);
    json[i] = JSON.stringify(e);
    addPivots(postings, e, i);
  }
  const flat = new Map<string, number[]>();
  for (const [field, values] of postings) for (const [v, list] of values) flat.set(`${field}:${v}`, list);
  return { events: json, ...b.finish(caseId, page, flat) };
}

/** One page's columns and search text, filled row by row (from events, or from rows already stored). */
export class PageColsBuilder {
  private readonly ts: Float64Array;
  private readonly line: Float64Array;
  private readonly ids: string[];
  private readonly input: Uint16Array;
  private readonly parser: Uint16Array;
  private readonly kind: Uint16Array;
  private readonly sev: Uint8Array;
  private readonly textEnd: Uint32Array;
  private readonly texts: string[];
  private readonly inputs = dict();
  private readonly parsers = dict();
  private readonly kinds = dict();
  private tpos = 0;

  constructor(private readonly n: number) {
    this.ts = new Float64Array(n);
    this.line = new Float64Array(n);
    this.ids = new Array<string>(n);
    this.input = new Uint16Array(n);
    this.parser = new Uint16Array(n);
    this.kind = new Uint16Array(n);
    this.sev = new Uint8Array(n);
    this.textEnd = new Uint32Array(n);
    this.texts = new Array<string>(n);
  }

  /** Row `i` (rows come in page order); `text` is the lower-cased search text. */
  row(i: number, ts: number, line: number, id: string, input: string, parser: string, kind: string, sev: number, text: string): void {
    this.ts[i] = ts;
    this.line[i] = line;
    this.ids[i] = id;
    this.input[i] = this.inputs.of(input);
    this.parser[i] = this.parsers.of(parser);
    this.kind[i] = this.kinds.of(kind);
    this.sev[i] = sev;
    this.texts[i] = text;
    this.tpos += text.length;
    this.textEnd[i] = this.tpos;
    this.tpos += 1;
  }

  /** The page records, with `flat`: pivot key -> positions. */
  finish(caseId: string, page: number, flat: Map<string, number[]>): { cols: PageCols; text: PageText } {
    const cols: PageCols = {
      caseId,
      page,
      n: this.n,
      ts: this.ts,
      line: this.line,
      ids: this.ids,
      inputs: this.inputs.list,
      input: this.input,
      parsers: this.parsers.list,
      parser: this.parser,
      kinds: this.kinds.list,
      kind: this.kind,
      sev: this.sev,
      ...packPostings(flat),
    };
    return { cols, text: { caseId, page, text: this.texts.join('\u0001'), textEnd: this.textEnd } };
  }
}

/** Key -> positions as the sorted key list and the flat position array of PageCols. */
export function packPostings(flat: Map<string, number[]>): Pick<PageCols, 'keys' | 'keyEnd' | 'keyPos'> {
  const keys = [...flat.keys()].sort();
  const keyEnd = new Uint32Array(keys.length);
  let total = 0;
  for (let k = 0; k < keys.length; k++) {
    total += flat.get(keys[k]!)!.length;
    keyEnd[k] = total;
  }
  const keyPos = new Uint16Array(total);
  let o = 0;
  for (const k of keys) for (const p of flat.get(k)!) keyPos[o++] = p;
  return { keys, keyEnd, keyPos };
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

/** Bits in a page's trigram filter (a Bloom filter with one hash): 8 KB per page. */
const BLOOM_BITS = 1 << 16;

function trigram(s: string, i: number): number {
  // Multiplicative hash of three UTF-16 code units to 16 bits.
  return (Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ Math.imul(s.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(s.charCodeAt(i + 2), 0xc2b2ae3d)) >>> 16;
}

/**
 * The trigrams of a page's search text as a bitmap: a needle with a trigram whose bit is clear
 * cannot occur in the page, so a rare needle scans a few pages instead of all the text.
 */
export function textBloom(text: string): Uint32Array {
  const bits = new Uint32Array(BLOOM_BITS / 32);
  for (let i = 0; i + 2 < text.length; i++) {
    const h = trigram(text, i);
    bits[h >>> 5]! |= 1 << (h & 31);
  }
  return bits;
}

/** The bit positions a needle needs (none when shorter than a trigram: every page may hold it). */
export function needleTrigrams(needle: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 2 < needle.length; i++) out.push(trigram(needle, i));
  return out;
}

export function bloomMayHold(bits: Uint32Array, trigrams: number[]): boolean {
  for (const h of trigrams) if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
  return true;
}
