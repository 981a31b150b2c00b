/**
 * The canonical event order: time, ties by event id, whatever the input order. A million events
 * sorted with a comparator cost a million cache misses per comparison round (each comparison
 * reads two event objects and their time objects); here the times are read once and sorted as
 * numbers (a stable radix sort of the millisecond values), and only events sharing a millisecond
 * compare ids.
 */
import type { TgEvent } from '../model/event';

/** Events in time order, ties by id: the order every derived list follows. */
export function compareEvents(a: TgEvent, b: TgEvent): number {
  return a.time.ts - b.time.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const TWO16 = 65536;

export interface CanonicalOrder {
  events: TgEvent[];
  /** Their times. */
  ts: Float64Array;
  /** Input index of each event in `events`; undefined when the input was in order already. */
  order?: Int32Array;
}

/** `events` in canonical order (the same array when already in it), with their times. */
export function canonicalOrder(input: TgEvent[]): CanonicalOrder {
  const n = input.length;
  const ts = new Float64Array(n);
  let inOrder = true;
  let radixable = true;
  for (let i = 0; i < n; i++) {
    const t = input[i]!.time.ts;
    ts[i] = t;
    // Whole non-negative milliseconds below 2^53 sort as four 16-bit digits.
    if (!(Number.isInteger(t) && t >= 0 && t <= Number.MAX_SAFE_INTEGER)) radixable = false;
    if (inOrder && i > 0 && compareEvents(input[i - 1]!, input[i]!) > 0) inOrder = false;
  }
  if (inOrder) return { events: input, ts };
  if (!radixable) {
    const order = Int32Array.from([...input.keys()].sort((a, b) => compareEvents(input[a]!, input[b]!)));
    const events = Array.from(order, (i) => input[i]!);
    return { events, ts: Float64Array.from(events, (e) => e.time.ts), order };
  }
  // Each time as four 16-bit digits, least significant first, taken with bit operations (a
  // floating-point modulo per element and pass cost more than the sort itself).
  const digits = [new Uint16Array(n), new Uint16Array(n), new Uint16Array(n), new Uint16Array(n)] as const;
  for (let i = 0; i < n; i++) {
    const h = Math.floor(ts[i]! / 2 ** 32);
    const l = ts[i]! - h * 2 ** 32;
    digits[0][i] = l & 0xffff;
    digits[1][i] = l >>> 16;
    digits[2][i] = h & 0xffff;
    digits[3][i] = h >>> 16;
  }
  let order = new Int32Array(n);
  let spare = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const d of digits) {
    if (sortByDigit(order, d, spare)) [order, spare] = [spare, order];
  }
  const events: TgEvent[] = [];
  const sortedTs = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    events.push(input[order[k]!]!);
    sortedTs[k] = ts[order[k]!]!;
  }
  // Events of one millisecond: by id (a stable sort, as the comparator sort was).
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && sortedTs[b] === sortedTs[a]) b++;
    if (b - a > 1) {
      const run = Array.from(order.subarray(a, b)).sort((x, y) => compareEvents(input[x]!, input[y]!));
      for (let k = a; k < b; k++) {
        order[k] = run[k - a]!;
        events[k] = input[order[k]!]!;
      }
    }
    a = b;
  }
  return { events, ts: sortedTs, order };
}

/**
 * One stable counting-sort pass of `order` by `digit[i]` into `out`; false (and `out` untouched)
 * when every event has the same digit, as the top digits mostly do.
 */
function sortByDigit(order: Int32Array, digit: Uint16Array, out: Int32Array): boolean {
  const count = new Int32Array(TWO16 + 1);
  for (let k = 0; k < order.length; k++) count[digit[order[k]!]! + 1]!++;
  for (let b = 1; b <= TWO16; b++) if (count[b] === order.length) return false;
  for (let b = 0; b < TWO16; b++) count[b + 1]! += count[b]!;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    out[count[digit[i]!]!++] = i;
  }
  return true;
}
