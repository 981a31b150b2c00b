import { describe, expect, it } from 'vitest';
import type { Link } from '../model/entity';
import { linksInIdOrder } from './emit-sink';

function nested(links: Array<[string, string, string]>): Map<string, Map<string, Map<string, Link>>> {
  const m = new Map<string, Map<string, Map<string, Link>>>();
  for (const [rule, from, to] of links) {
    if (!m.has(rule)) m.set(rule, new Map());
    const byFrom = m.get(rule)!;
    if (!byFrom.has(from)) byFrom.set(from, new Map());
    byFrom.get(from)!.set(to, { id: `${rule}:${from}->${to}`, from, to, rule, confidence: 'certain', evidence: [] });
  }
  return m;
}

const ids = (ls: Iterable<Link>) => Array.from(ls, (l) => l.id);
const sortedIds = (ls: Array<[string, string, string]>) => ls.map(([r, f, t]) => `${r}:${f}->${t}`).sort();

describe('linksInIdOrder', () => {
  it('orders links as their ids sort, group by group', () => {
    const ls: Array<[string, string, string]> = [
      ['token.used-from', 'token:bb', 'ip:192.0.2.1'],
      ['token.endpoint', 'token:bb', 'endpoint:/store/b'],
      ['token.endpoint', 'token:aa', 'endpoint:/store/z'],
      ['token.endpoint', 'token:aa', 'endpoint:/store/a'],
      ['token', 'token:aa', 'x'],
      ['token.endpoint', 'token:a', 'endpoint:/store/q'],
    ];
    expect(ids(linksInIdOrder(nested(ls)))).toEqual(sortedIds(ls));
  });

  it('still gives id order when a source id continues with `->` (groups interleave)', () => {
    // `token:a->x` as a source: its ids start with `token.endpoint:token:a->x->`, inside token:a's group.
    const ls: Array<[string, string, string]> = [
      ['token.endpoint', 'token:a', 'endpoint:/z'],
      ['token.endpoint', 'token:a', 'a'],
      ['token.endpoint', 'token:a->x', 'endpoint:/m'],
      ['token.endpoint', 'token:a', 'x->y'],
    ];
    expect(ids(linksInIdOrder(nested(ls)))).toEqual(sortedIds(ls));
  });

  it('orders `token:a` and `token:ab` groups by their ids, not by the bare keys', () => {
    // Bare keys sort `token:a` < `token:ab`, and `token:a->` > `token:ab` too: the nested path.
    const ls: Array<[string, string, string]> = [
      ['token.endpoint', 'token:ab', 'endpoint:/1'],
      ['token.endpoint', 'token:a', 'endpoint:/2'],
      ['token.endpoint', 'token:a-', 'endpoint:/3'],
      ['token.endpoint', 'token:a.', 'endpoint:/4'],
      ['token.endpoint', 'token:a', 'endpoint:/0'],
    ];
    expect(ids(linksInIdOrder(nested(ls)))).toEqual(sortedIds(ls));
  });
});
