import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../scenario/prng';
import { DenseUnionFind, UnionFind } from './union-find';

describe('DenseUnionFind', () => {
  it('gives the same roots as UnionFind for any order of unions', () => {
    const r = mulberry32(11);
    for (let round = 0; round < 20; round++) {
      const size = 50 + Math.floor(r() * 500);
      const dense = new DenseUnionFind(size);
      const mapped = new UnionFind<number>();
      for (let k = 0; k < size / 2; k++) {
        const a = Math.floor(r() * size);
        const b = Math.floor(r() * size);
        dense.union(a, b);
        mapped.union(a, b);
        const c = Math.floor(r() * size);
        expect(dense.find(c)).toBe(mapped.find(c));
      }
      for (let x = 0; x < size; x++) expect(dense.find(x)).toBe(mapped.find(x));
    }
  });
});
