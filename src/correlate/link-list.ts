/**
 * The graph's links as a `LinkList` (src/model/entity.ts): runs of links already in id order, end
 * to end. A run is either an array (links made during correlation: a few per pilot, payload, token)
 * or a table that makes link `j` when it is read (the links events make on their own, a million in
 * a big case; event-links.ts). Writers and views read each link once, so the table's objects are
 * short-lived: the young generation frees them, where a million retained links were copied twice
 * and then traced by every full collection of the heap.
 */
import type { Link, LinkList } from '../model/entity';

/** Links `0 … length-1` of a table, each made by `at(j)`. */
export interface LinkRange {
  readonly length: number;
  at(j: number): Link;
}

export type LinkRun = readonly Link[] | LinkRange;

export class ChainedLinks implements LinkList {
  readonly length: number;

  constructor(private readonly runs: readonly LinkRun[]) {
    let n = 0;
    for (const r of runs) n += r.length;
    this.length = n;
  }

  *[Symbol.iterator](): Iterator<Link> {
    for (const run of this.runs) {
      if (Array.isArray(run)) yield* run as readonly Link[];
      else for (let j = 0; j < run.length; j++) yield (run as LinkRange).at(j);
    }
  }

  /** JSON.stringify of a case gives its links as the array they stand for. */
  toJSON(): Link[] {
    return Array.from(this);
  }
}

/** Links `lo … hi-1` of a table that makes link `j` on request. */
export class RowLinks implements LinkRange {
  readonly length: number;

  constructor(
    private readonly table: { linkAt(j: number): Link },
    private readonly lo: number,
    hi: number,
  ) {
    this.length = hi - lo;
  }

  at(j: number): Link {
    return this.table.linkAt(this.lo + j);
  }
}
