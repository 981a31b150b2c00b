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
