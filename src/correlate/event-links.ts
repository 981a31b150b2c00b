/**
 * The links one event makes on its own (token or identity used from an IP, presented to a service,
 * on an endpoint): a million of them in a big case, each seen once per event that names it. They
 * are kept as rows of numbers (rule, from, to, event), put in id order once by two stable counting
 * sorts (instead of a map per source and a sort of every link), and made into a `Link` only when
 * a reader asks for it (link-list.ts).
 */
import { type Dict, dict } from '../model/dict';
import type { Link } from '../model/entity';
import { byId, groupOrder } from './emit-sink';
import { pushTo } from './graph';
import { type LinkRun, RowLinks } from './link-list';

const ROW_BITS = 12;
const CHUNK_ROWS = 1 << ROW_BITS;
const ROW_MASK = CHUNK_ROWS - 1;

export class EventLinkRows {
  // Rows of four numbers (rule, from, to, event) in fixed chunks of plain arrays. Growing arrays
  // copied themselves at each growth: ~190 MB allocated for a million rows, most of it large
  // backing stores that only a full collection frees. Typed arrays are no better: V8 counts their
  // buffers as external memory, which also brings the next full collection closer.
  private readonly chunks: number[][] = [];
  private chunk: number[] = [];
  private n = 0;
  private readonly rules = dict();
  private readonly froms = dict();
  private readonly tos = dict();
  // After linksByRule: rows in link order, and where each link's rows start (one past the last).
  private order: number[] = [];
  private starts = new Int32Array(1);

  constructor(
    private readonly maxEvidence: number,
    private readonly eventIds: string[],
  ) {}

  ruleId(rule: string): number {
    return this.rules.of(rule);
  }

  fromId(from: string): number {
    return this.froms.of(from);
  }

  toId(to: string): number {
    return this.tos.of(to);
  }

  /** A certain link `from → to` by `rule`, evidenced by event `ev` (rows come in event order). */
  add(rule: number, from: number, to: number, ev: number): void {
    const at = (this.n & ROW_MASK) << 2;
    if (at === 0) {
      this.chunk = new Array<number>(CHUNK_ROWS * 4).fill(0);
      this.chunks.push(this.chunk);
    }
    const c = this.chunk;
    c[at] = rule;
    c[at + 1] = from;
    c[at + 2] = to;
    c[at + 3] = ev;
    this.n++;
  }

  /** Field `f` (0 rule, 1 from, 2 to, 3 event) of row `r`. */
  private field(r: number, f: number): number {
    return this.chunks[r >>> ROW_BITS]![((r & ROW_MASK) << 2) + f]!;
  }

  /**
   * The links of every rule, each run in id order (`rule:from->to`), evidence in event order
   * (repeats of one event dropped, at most `maxEvidence`). The rows are sorted here, once; each
   * `Link` object is made when a reader asks for it (link-list.ts).
   */
  linksByRule(): Map<string, LinkRun> {
    const out = new Map<string, LinkRun>();
    if (this.n === 0) return out;
    const fromOrder = groupOrder(this.froms.list, '->');
    if (!fromOrder) return this.linksSortedById();
    const fromRank = rankOf(fromOrder, this.froms);
    const toRank = rankOf([...this.tos.list].sort(), this.tos);
    // Stable counting sorts, least significant key first: `to`, then (rule, from). Rows were added
    // in event order, so equal (rule, from, to) rows stay in event order.
    const byTo = countingSort(this.n, this.tos.list.length, (i) => toRank[this.field(i, 2)]!);
    const nFrom = this.froms.list.length;
    const order = countingSort(this.n, this.rules.list.length * nFrom, (i) => this.field(i, 0) * nFrom + fromRank[this.field(i, 1)]!, byTo);
    // A link starts where (rule, from, to) changes; a rule's links are one run of them.
    const starts = new Int32Array(this.n + 1);
    let links = 0;
    let curKey = -1;
    let curTo = -1;
    let curRule = -1;
    let ruleLo = 0;
    for (let k = 0; k < this.n; k++) {
      const r = order[k]!;
      const ruleCode = this.field(r, 0);
      const key = ruleCode * nFrom + this.field(r, 1);
      const to = this.field(r, 2);
      if (key === curKey && to === curTo) continue;
      if (ruleCode !== curRule) {
        if (curRule >= 0) out.set(this.rules.list[curRule]!, new RowLinks(this, ruleLo, links));
        curRule = ruleCode;
        ruleLo = links;
      }
      starts[links++] = k;
      curKey = key;
      curTo = to;
    }
    out.set(this.rules.list[curRule]!, new RowLinks(this, ruleLo, links));
    starts[links] = this.n;
    this.order = order;
    this.starts = starts.slice(0, links + 1);
    return out;
  }

  /** Link `j` of the sorted rows (after `linksByRule`). */
  linkAt(j: number): Link {
    const order = this.order;
    const lo = this.starts[j]!;
    const hi = this.starts[j + 1]!;
    const r = order[lo]!;
    const rule = this.rules.list[this.field(r, 0)]!;
    const from = this.froms.list[this.field(r, 1)]!;
    const to = this.tos.list[this.field(r, 2)]!;
    const evidence: string[] = [];
    for (let k = lo; k < hi && evidence.length < this.maxEvidence; k++) {
      const evId = this.eventIds[this.field(order[k]!, 3)]!;
      if (evidence[evidence.length - 1] !== evId) evidence.push(evId);
    }
    return { id: `${rule}:${from}->${to}`, from, to, rule, confidence: 'certain', evidence };
  }

  /** When source ids nest (`a` begins `a->…`'s rival), whole ids decide: build, then sort. */
  private linksSortedById(): Map<string, Link[]> {
    const byKey = new Map<string, Link>();
    for (let r = 0; r < this.n; r++) {
      const rule = this.rules.list[this.field(r, 0)]!;
      const from = this.froms.list[this.field(r, 1)]!;
      const to = this.tos.list[this.field(r, 2)]!;
      const id = `${rule}:${from}->${to}`;
      const evId = this.eventIds[this.field(r, 3)]!;
      const l = byKey.get(id);
      if (!l) byKey.set(id, { id, from, to, rule, confidence: 'certain', evidence: [evId] });
      else if (l.evidence.length < this.maxEvidence && l.evidence[l.evidence.length - 1] !== evId) l.evidence.push(evId);
    }
    const out = new Map<string, Link[]>();
    for (const l of [...byKey.values()].sort(byId)) {
      pushTo(out, l.rule, l);
    }
    return out;
  }
}

/** rank[index of s] = position of s in `ordered`. */
function rankOf(ordered: string[], index: Dict): number[] {
  const rank: number[] = new Array(ordered.length).fill(0);
  ordered.forEach((s, r) => {
    rank[index.find(s)!] = r;
  });
  return rank;
}

/** `items` (default 0…n-1) stably reordered by `key(item)` in [0, buckets). */
function countingSort(n: number, buckets: number, key: (i: number) => number, items?: number[]): number[] {
  const count: number[] = new Array(buckets + 1).fill(0);
  for (let k = 0; k < n; k++) {
    const b = key(items ? items[k]! : k) + 1;
    count[b] = count[b]! + 1;
  }
  for (let b = 0; b < buckets; b++) count[b + 1] = count[b + 1]! + count[b]!;
  const out: number[] = new Array(n).fill(0);
  for (let k = 0; k < n; k++) {
    const i = items ? items[k]! : k;
    const b = key(i);
    out[count[b]!] = i;
    count[b] = count[b]! + 1;
  }
  return out;
}
