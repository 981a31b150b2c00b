/** Disjoint sets over string or number keys; the smaller root wins, so results do not depend on the order of unions. */
export class UnionFind<K extends string | number> {
  private readonly parent = new Map<K, K>();

  find(x: K): K {
    let r = x;
    for (;;) {
      const p = this.parent.get(r);
      if (p === undefined) this.parent.set(r, r);
      if (p === undefined || p === r) break;
      r = p;
    }
    for (let c = x; c !== r; ) {
      const n = this.parent.get(c)!;
      this.parent.set(c, r);
      c = n;
    }
    return r;
  }

  union(a: K, b: K): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) ra < rb ? this.parent.set(rb, ra) : this.parent.set(ra, rb);
  }
}

/**
 * Disjoint sets over the integers 0…size-1 in one array: the pilots pass asks a root once per event
 * (a million times), where a Map lookup per step cost several times an array read. Same roots as
 * `UnionFind` (the smaller root wins).
 */
export class DenseUnionFind {
  /** parent[x] = x's parent, -1 while x is its own root. */
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size).fill(-1);
  }

  find(x: number): number {
    let r = x;
    for (let p = this.parent[r]!; p >= 0; p = this.parent[r]!) r = p;
    for (let c = x; c !== r; ) {
      const n = this.parent[c]!;
      this.parent[c] = r;
      c = n;
    }
    return r;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
