import { describe, expect, it } from 'vitest';
import type { TgEvent } from '../model/event';
import { mulberry32 } from '../scenario/prng';
import { canonicalOrder, compareEvents } from './order';

function ev(id: string, ts: number): TgEvent {
  return { id, time: { ts, text: '' }, src: { input: 'x', line: 1, parser: 'generic' }, kind: 'log', ids: {}, text: '' };
}

describe('canonicalOrder', () => {
  const r = mulberry32(3);
  const T0 = Date.parse('2026-11-22T00:00:00Z');
  /** Times over two days, many shared milliseconds, some at 0 (time unknown), some repeated ids. */
  const random = (n: number, time: () => number) => Array.from({ length: n }, (_, i) => ev(`e${Math.floor(r() * 50)}.${i % 97}`, time()));

  it('gives the comparator sort\'s order: ties by id, equal ids kept in input order', () => {
    for (const time of [() => T0 + Math.floor(r() * 2 * 86_400_000), () => (r() < 0.1 ? 0 : T0 + Math.floor(r() * 2000)), () => Math.floor(r() * 70_000) * 2 ** 20]) {
      const events = random(5000, time);
      const want = [...events].sort(compareEvents);
      const got = canonicalOrder(events);
      expect(got.events).toEqual(want);
      // Same objects, not copies: equal ids in input order is only visible by identity.
      expect(got.events.every((e, k) => e === want[k])).toBe(true);
      expect([...got.ts]).toEqual(want.map((e) => e.time.ts));
      expect(got.order && Array.from(got.order, (i) => events[i])).toEqual(want);
    }
  });

  it('falls back to the comparator for times that are not whole non-negative milliseconds', () => {
    const events = [ev('a', 5.5), ev('b', -3), ev('c', 5.5), ev('d', Number.NaN), ev('e', 1)];
    const got = canonicalOrder(events);
    expect(got.events.map((e) => e.id)).toEqual([...events].sort(compareEvents).map((e) => e.id));
    expect(got.order && Array.from(got.order, (i) => events[i])).toEqual(got.events);
  });

  it('returns the input itself when it is in order already', () => {
    const events = [ev('a', 1), ev('b', 1), ev('a', 2)];
    expect(canonicalOrder(events).events).toBe(events);
  });
});
