import { describe, expect, it } from 'vitest';
import type { Link } from '../model/entity';
import { mulberry32 } from '../scenario/prng';
import { linksInIdOrder } from './emit-sink';
import { EventLinkRows } from './event-links';

/** What the rows must give: one link per (rule, from, to), evidence in event order, sorted by id. */
function expected(rows: Array<[string, string, string, number]>, eventIds: string[], max: number): Link[] {
  const byId = new Map<string, Link>();
  for (const [rule, from, to, ev] of rows) {
    const id = `${rule}:${from}->${to}`;
    const l = byId.get(id);
    if (!l) byId.set(id, { id, from, to, rule, confidence: 'certain', evidence: [eventIds[ev]!] });
    else if (l.evidence.length < max && l.evidence.at(-1) !== eventIds[ev]) l.evidence.push(eventIds[ev]!);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function built(rows: Array<[string, string, string, number]>, eventIds: string[], max: number): Link[] {
  const r = new EventLinkRows(max, eventIds);
  for (const [rule, from, to, ev] of rows) r.add(r.ruleId(rule), r.fromId(from), r.toId(to), ev);
  return Array.from(linksInIdOrder(new Map(), r.linksByRule()));
}

describe('EventLinkRows', () => {
  const eventIds = Array.from({ length: 5000 }, (_, i) => `e${i % 7}.${i}`);

  it('gives the links a map per source and a sort by id would give, on random rows with nesting ids', () => {
    const r = mulberry32(5);
    // Sources that begin one another (`token:a`, `token:a-`, `token:a->x`) and targets alike.
    const froms = ['token:a', 'token:ab', 'token:a-', 'token:a.', 'token:b', 'identity:i|s', 'token:a->x'];
    const tos = ['ip:192.0.2.1', 'ip:192.0.2.10', 'endpoint:/a', 'endpoint:/a/b', 'host:se', 'x->y', 'a'];
    const rules = ['token.used-from', 'token.endpoint', 'identity.endpoint', 'token'];
    for (const useNested of [false, true]) {
      const fs = useNested ? froms : froms.filter((f) => !f.includes('->'));
      const rows: Array<[string, string, string, number]> = [];
      for (let ev = 0; ev < 5000; ev++) {
        // About 10k rows: they span several of the 4,096-row chunks.
        const n = 1 + Math.floor(r() * 3);
        for (let k = 0; k < n; k++) rows.push([rules[Math.floor(r() * rules.length)]!, fs[Math.floor(r() * fs.length)]!, tos[Math.floor(r() * tos.length)]!, ev]);
      }
      const want = expected(rows, eventIds, 5);
      expect(want.some((l) => l.evidence.length === 5)).toBe(true);
      expect(built(rows, eventIds, 5)).toEqual(want);
    }
  });

  it('sorts short runs (many sources, a few rows each) as well as long ones', () => {
    const r = mulberry32(11);
    const froms = Array.from({ length: 900 }, (_, i) => `token:${(i * 7919).toString(16)}`);
    const tos = Array.from({ length: 40 }, (_, i) => `endpoint:/store/f${i}`);
    const rows: Array<[string, string, string, number]> = [];
    for (let ev = 0; ev < 5000; ev++) rows.push([r() < 0.5 ? 'token.endpoint' : 'token.used-from', froms[Math.floor(r() * froms.length)]!, tos[Math.floor(r() * tos.length)]!, ev]);
    const got = built(rows, eventIds, 3);
    expect(got).toEqual(expected(rows, eventIds, 3));
    expect(new Set(got.map((l) => l.from)).size).toBeGreaterThan(800);
  });

  it('an event that names one link twice is cited once', () => {
    const rows: Array<[string, string, string, number]> = [
      ['token.used-from', 'token:a', 'ip:1', 3],
      ['token.used-from', 'token:a', 'ip:1', 3],
      ['token.used-from', 'token:a', 'ip:1', 9],
    ];
    expect(built(rows, eventIds, 50).map((l) => l.evidence)).toEqual([['e3.3', 'e2.9']]);
  });
});
