/**
 * The in-memory index of one stored case: the columns of all its pages side by side, and the
 * global time order computed by merging the pages' sorted runs.
 *
 * Why lazy merging: ingestion delivers each input in its own time order, so the stored pages form
 * a few sorted runs (about one per input). Rewriting a million events into globally ordered pages
 * costs a read, a parse, a serialisation and a write of everything again (~15 s here); merging
 * the runs' order keys in memory costs a few hundred ms. Events are addressed by their physical
 * position ("phys": pages in stored order, then position in the page); `order[rank]` gives the
 * phys of the event at that rank of the global order (compareEvents), `rank[phys]` the inverse.
 */
import type { PageMeta } from './db';
import { normalise, type EventQuery } from './event-pages';
import { bloomMayHold, needleTrigrams, type PageCols, type PageText, searchText, TEXT_SEPARATORS } from './page-cols';
import { dict } from '../../../src/model/dict';
import { SEVERITIES } from '../../../src/model/severity';

/** A filter result: ranks `lo..hi-1` (every event in a time range), or the listed ranks in ascending order. */
export interface Selection {
  lo: number;
  hi: number;
  ranks?: Uint32Array;
}

export function selectionSize(s: Selection): number {
  return s.ranks ? s.ranks.length : s.hi - s.lo;
}

export function rankAt(s: Selection, i: number): number {
  return s.ranks ? s.ranks[i]! : s.lo + i;
}

/** Groups consecutive pages with the same run number; legacy pages without one are their own run. */
function runsOf(pages: PageMeta[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < pages.length; i++) {
    const prev = runs[runs.length - 1];
    const r = pages[i]!.run;
    if (prev && r !== undefined && pages[prev[1] - 1]!.run === r) prev[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

export class CaseIndex {
  readonly n: number;
  readonly pages: PageMeta[];
  /** First phys of each page. */
  readonly base: Uint32Array;
  readonly pageOf: Uint32Array;
  readonly ts: Float64Array;
  readonly order: Uint32Array;
  readonly rank: Uint32Array;
  readonly tsByRank: Float64Array;
  private readonly kind: Uint16Array;
  private readonly kinds: string[];
  private readonly parser: Uint16Array;
  private readonly parsers: string[];
  private readonly input: Uint32Array;
  private readonly inputs: string[];
  private readonly sev: Uint8Array;
  private readonly postings = new Map<string, ArrayLike<number>>();
  /** Search text per page, once loaded (see `setText`). */
  private text: PageText[] | undefined;
  /** Trigram filter of each page's search text (built as the text is read). */
  private blooms: Uint32Array[] = [];
  private cache = new Map<string, Selection>();

  constructor(pages: PageMeta[], cols: PageCols[]) {
    this.pages = pages;
    this.base = new Uint32Array(pages.length);
    let n = 0;
    for (let p = 0; p < cols.length; p++) {
      this.base[p] = n;
      n += cols[p]!.n;
    }
    this.n = n;
    this.pageOf = new Uint32Array(n);
    this.ts = new Float64Array(n);
    const line = new Float64Array(n);
    const ids = new Array<string>(n);
    this.kind = new Uint16Array(n);
    this.parser = new Uint16Array(n);
    this.input = new Uint32Array(n);
    this.sev = new Uint8Array(n);
    const building = new Map<string, number[]>();
    // Per-page dictionaries of kinds, parsers and inputs → one case-wide numbering each.
    const kinds = dict();
    const parsers = dict();
    const inputs = dict();
    this.kinds = kinds.list;
    this.parsers = parsers.list;
    this.inputs = inputs.list;
    for (let p = 0; p < cols.length; p++) {
      const c = cols[p]!;
      const b = this.base[p]!;
      const kg = c.kinds.map((k) => kinds.of(k));
      const pg = c.parsers.map((k) => parsers.of(k));
      const ig = c.inputs.map((k) => inputs.of(k));
      this.pageOf.fill(p, b, b + c.n);
      this.ts.set(c.ts, b);
      line.set(c.line, b);
      this.sev.set(c.sev, b);
      for (let i = 0; i < c.n; i++) {
        ids[b + i] = c.ids[i]!;
        this.kind[b + i] = kg[c.kind[i]!]!;
        this.parser[b + i] = pg[c.parser[i]!]!;
        this.input[b + i] = ig[c.input[i]!]!;
      }
      let start = 0;
      for (let k = 0; k < c.keys.length; k++) {
        const end = c.keyEnd[k]!;
        let list = building.get(c.keys[k]!);
        if (!list) {
          list = [];
          building.set(c.keys[k]!, list);
        }
        for (let j = start; j < end; j++) list.push(b + c.keyPos[j]!);
        start = end;
      }
    }
    // Typed arrays: millions of postings the garbage collector does not have to walk.
    for (const [k, list] of building) this.postings.set(k, Uint32Array.from(list));
    // Rank of each input path in string order, so the merge compares integers.
    const byName = this.inputs.map((s, i) => [s, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const inputRank = new Uint32Array(this.inputs.length);
    byName.forEach(([, i], r) => {
      inputRank[i] = r;
    });
    const ts = this.ts;
    const input = this.input;
    const before = (a: number, b: number): boolean =>
      ts[a]! !== ts[b]!
        ? ts[a]! < ts[b]!
        : input[a] !== input[b]
          ? inputRank[input[a]!]! < inputRank[input[b]!]!
          : line[a] !== line[b]
            ? line[a]! < line[b]!
            : ids[a]! < ids[b]!;
    this.order = mergeRuns(
      runsOf(pages).map(([f, l]) => [this.base[f]!, l < pages.length ? this.base[l]! : n]),
      n,
      before,
    );
    this.rank = new Uint32Array(n);
    this.tsByRank = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const p = this.order[r]!;
      this.rank[p] = r;
      this.tsByRank[r] = ts[p]!;
    }
  }

  /** Number of sorted runs the pages form (the merge fan-in). */
  get runs(): number {
    return runsOf(this.pages).length;
  }

  get hasText(): boolean {
    return this.text !== undefined;
  }

  setText(text: PageText[], blooms: Uint32Array[]): void {
    this.text = text;
    this.blooms = blooms;
  }

  /** Page index and position of the event at `rank`. */
  locate(rank: number): [number, number] {
    const phys = this.order[rank]!;
    const p = this.pageOf[phys]!;
    return [p, phys - this.base[p]!];
  }

  /** First rank with time ≥ ts (or > ts when `after`). */
  private boundTs(ts: number, after = false): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.tsByRank[mid]!;
      if (t < ts || (after && t === ts)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Phys of the events carrying a pivot key (`tok:` matches by fingerprint prefix, as the row filter does). */
  private pivotPhys(pivot: string): ArrayLike<number> {
    if (pivot.startsWith('tok:') && pivot.length < 20) {
      const lists = [...this.postings].filter(([k]) => k.startsWith(pivot)).map(([, l]) => l);
      if (lists.length === 1) return lists[0]!;
      return Uint32Array.from(new Set(lists.flatMap((l) => Array.from(l)))).sort();
    }
    return this.postings.get(pivot) ?? [];
  }

  /**
   * The ranks of the events that pass the query, or undefined when it needs the row filter (a text
   * needle holding the separators of the search text, or the search text is not loaded yet).
   */
  select(q: EventQuery): Selection | undefined {
    const f = normalise(q);
    const key = JSON.stringify([f.from, f.to, [...f.pivots].sort(), [...f.kinds].sort(), [...f.sources].sort(), f.text.toLowerCase(), f.minSeverity]);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const needle = f.text.toLowerCase();
    if (needle && (TEXT_SEPARATORS.test(needle) || !this.text)) return undefined;
    const lo = f.from === undefined ? 0 : this.boundTs(f.from);
    const hi = f.to === undefined ? this.n : this.boundTs(f.to, true);
    const test = this.rowTest(f.kinds, f.sources, f.minSeverity);
    let sel: Selection;
    if (!f.pivots.length && !needle && !test) sel = { lo, hi };
    else {
      let phys: ArrayLike<number> | undefined;
      for (const p of f.pivots) phys = phys ? intersect(phys, this.pivotPhys(p)) : this.pivotPhys(p);
      if (needle) phys = this.textPhys(needle, phys);
      const out: number[] = [];
      let ranks: Uint32Array;
      if (phys) {
        for (let j = 0; j < phys.length; j++) {
          const p = phys[j]!;
          const r = this.rank[p]!;
          if (r >= lo && r < hi && (!test || test(p))) out.push(r);
        }
        ranks = Uint32Array.from(out).sort();
      } else {
        // No pivot or text: one pass over the time range in rank order (already sorted).
        const buf = new Uint32Array(hi - lo);
        let k = 0;
        for (let r = lo; r < hi; r++) if (test!(this.order[r]!)) buf[k++] = r;
        ranks = buf.subarray(0, k);
      }
      sel = { lo: 0, hi: ranks.length, ranks };
    }
    this.cache.set(key, sel);
    if (this.cache.size > 12) this.cache.delete(this.cache.keys().next().value as string);
    return sel;
  }

  /** Kind, source and severity as one predicate over phys (undefined when none is set). */
  private rowTest(kinds: string[], sources: string[], minSeverity: string | undefined): ((p: number) => boolean) | undefined {
    const tests: Array<(p: number) => boolean> = [];
    if (kinds.length) {
      const ok = new Uint8Array(this.kinds.length);
      this.kinds.forEach((k, i) => {
        ok[i] = kinds.includes(k) ? 1 : 0;
      });
      tests.push((p) => ok[this.kind[p]!] === 1);
    }
    if (sources.length) {
      const okP = new Uint8Array(this.parsers.length);
      this.parsers.forEach((k, i) => {
        okP[i] = sources.includes(k) ? 1 : 0;
      });
      const okI = new Uint8Array(this.inputs.length);
      this.inputs.forEach((k, i) => {
        okI[i] = sources.includes(k) ? 1 : 0;
      });
      tests.push((p) => okP[this.parser[p]!] === 1 || okI[this.input[p]!] === 1);
    }
    if (minSeverity) {
      const min = SEVERITIES.indexOf(minSeverity as (typeof SEVERITIES)[number]);
      tests.push((p) => this.sev[p]! >= min);
    }
    if (tests.length === 0) return undefined;
    if (tests.length === 1) return tests[0];
    return (p) => tests.every((t) => t(p));
  }

  /** Phys whose text or summary contains `needle`, among `within` when given. */
  private textPhys(needle: string, within: ArrayLike<number> | undefined): ArrayLike<number> {
    const text = this.text!;
    if (within && within.length < this.n / 16) {
      return Array.from(within).filter((p) => {
        const pg = this.pageOf[p]!;
        const i = p - this.base[pg]!;
        const t = text[pg]!;
        const start = i === 0 ? 0 : t.textEnd[i - 1]! + 1;
        return t.text.slice(start, t.textEnd[i]).includes(needle);
      });
    }
    const out: number[] = [];
    const grams = needleTrigrams(needle);
    for (let pg = 0; pg < text.length; pg++) {
      if (!bloomMayHold(this.blooms[pg]!, grams)) continue;
      for (const i of searchText(text[pg]!, needle)) out.push(this.base[pg]! + i);
    }
    return within ? intersect(within, out) : out;
  }
}

/** Intersection of two ascending lists. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** k-way merge of sorted phys ranges [start, end) into one order (binary heap over run heads). */
export function mergeRuns(runs: Array<[number, number]>, n: number, before: (a: number, b: number) => boolean): Uint32Array {
  const order = new Uint32Array(n);
  const live = runs.filter(([s, e]) => e > s);
  if (live.length === 1) {
    const [s] = live[0]!;
    for (let i = 0; i < n; i++) order[i] = s + i;
    return order;
  }
  const head = live.map(([s]) => s);
  const end = live.map(([, e]) => e);
  // heap of run indexes ordered by their head event
  const heap = live.map((_, i) => i);
  const less = (x: number, y: number) => before(head[x]!, head[y]!);
  const down = (i: number) => {
    const len = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= len) return;
      const r = l + 1;
      const c = r < len && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, heap[i]!)) return;
      [heap[c], heap[i]] = [heap[i]!, heap[c]!];
      i = c;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  let o = 0;
  while (heap.length) {
    const top = heap[0]!;
    order[o++] = head[top]!;
    head[top] = head[top]! + 1;
    if (head[top]! >= end[top]!) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    if (heap.length) down(0);
  }
  return order;
}
