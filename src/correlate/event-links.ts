/**
 * The links one event makes on its own (token or identity used from an IP, presented to a service,
 * on an endpoint): a million of them in a big case, each seen once per event that names it. They
 * are kept as rows of numbers (rule, from, to, event), put in id order once (a stable counting
 * sort by rule and source, then each source's short run by target, instead of a map per source
 * and a sort of every link), and made into a `Link` only when a reader asks for it (link-list.ts).
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
    const n = this.n;
    const nFrom = this.froms.list.length;
    const nGroups = this.rules.list.length * nFrom;
    // Each row's group (rule, then source in id order) and target rank, read in one sequential pass.
    const group: number[] = new Array(n).fill(0);
    const target: number[] = new Array(n).fill(0);
    let r = 0;
    for (const c of this.chunks) {
      for (let at = 0; at < c.length && r < n; at += 4, r++) {
        group[r] = c[at]! * nFrom + fromRank[c[at + 1]!]!;
        target[r] = toRank[c[at + 2]!]!;
      }
    }
    // A stable counting sort by group (rows were added in event order, and stay so within a group);
    // each row's target travels with it, so the groups are sorted by target where they lie, in
    // small contiguous runs. Sorting by target first made the group pass read rows at random: a
    // cache miss per row and field, most of the cost at a million events.
    const bound: number[] = new Array(nGroups + 1).fill(0);
    for (let i = 0; i < n; i++) bound[group[i]! + 1]!++;
    for (let b = 0; b < nGroups; b++) bound[b + 1]! += bound[b]!;
    const next = bound.slice(0, nGroups);
    const order: number[] = new Array(n).fill(0);
    const to: number[] = new Array(n).fill(0);
    for (let i = 0; i < n; i++) {
      const at = next[group[i]!]!++;
      order[at] = i;
      to[at] = target[i]!;
    }
    // A link starts where the group or the target changes; a rule's links are one run of them.
    const starts = new Int32Array(n + 1);
    const scratch = { keys: new Float64Array(64) };
    let links = 0;
    let curRule = -1;
    let ruleLo = 0;
    for (let b = 0; b < nGroups; b++) {
      const lo = bound[b]!;
      const hi = bound[b + 1]!;
      if (lo === hi) continue;
      sortRunByTarget(order, to, lo, hi, scratch);
      const ruleCode = Math.floor(b / nFrom);
      if (ruleCode !== curRule) {
        if (curRule >= 0) out.set(this.rules.list[curRule]!, new RowLinks(this, ruleLo, links));
        curRule = ruleCode;
        ruleLo = links;
      }
      for (let k = lo; k < hi; k++) if (k === lo || to[k] !== to[k - 1]) starts[links++] = k;
    }
    out.set(this.rules.list[curRule]!, new RowLinks(this, ruleLo, links));
    starts[links] = n;
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

/**
 * Sorts positions lo…hi-1 of `order` and `to` together by `to`, stably (ties keep `order`'s
 * ascending row numbers: event order). Runs are a source's rows of one rule: most are short
 * (insertion sort); a long one sorts numbers, each target and position packed in one double, with
 * the typed array's own comparator-free sort (`scratch` is reused between runs).
 */
function sortRunByTarget(order: number[], to: number[], lo: number, hi: number, scratch: { keys: Float64Array }): void {
  let sorted = true;
  for (let k = lo + 1; k < hi && sorted; k++) sorted = to[k - 1]! <= to[k]!;
  if (sorted) return;
  const m = hi - lo;
  if (m <= 32) {
    for (let k = lo + 1; k < hi; k++) {
      const t = to[k]!;
      const o = order[k]!;
      let j = k - 1;
      for (; j >= lo && to[j]! > t; j--) {
        to[j + 1] = to[j]!;
        order[j + 1] = order[j]!;
      }
      to[j + 1] = t;
      order[j + 1] = o;
    }
    return;
  }
  if (scratch.keys.length < 2 * m) scratch.keys = new Float64Array(2 * m);
  // target * m + position, exact in a double while below 2^53 (ranks of targets times a run's
  // length: far beyond any case); the position breaks ties, which keeps the sort stable.
  const keys = scratch.keys.subarray(0, m);
  const old = scratch.keys.subarray(m, 2 * m);
  let maxTo = 0;
  for (let j = 0; j < m; j++) {
    const t = to[lo + j]!;
    if (t > maxTo) maxTo = t;
    keys[j] = t * m + j;
    old[j] = order[lo + j]!;
  }
  if ((maxTo + 1) * m > Number.MAX_SAFE_INTEGER) {
    // Not exact as a double (a hundred million rows): pairs and a comparator.
    const pairs = Array.from({ length: m }, (_, j) => [to[lo + j]!, j] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    pairs.forEach(([t, j], k) => {
      to[lo + k] = t;
      order[lo + k] = old[j]!;
    });
    return;
  }
  keys.sort();
  for (let j = 0; j < m; j++) {
    const key = keys[j]!;
    const at = key % m;
    to[lo + j] = (key - at) / m;
    order[lo + j] = old[at]!;
  }
}
