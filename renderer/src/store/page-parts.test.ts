import { expect, it } from 'vitest';
import { encodePage } from './page-cols';
import { encodeStored, storedEvents } from './page-parts';
import { makeEvents } from './test-events';

it('takes pages apart and puts them together again into the records encodePage makes', () => {
  const events = makeEvents(50, 8);
  events[4]!.summary = 'Token used from Alice';
  events[6]!.severity = 'critical';
  events[9]!.ids.workerNode = events[9]!.ids.host = 'wn1.example.org';
  const a = encodePage('c', 0, events.slice(0, 20));
  const b = encodePage('c', 1, events.slice(20));
  const parts = [...storedEvents(a.events, a.cols, a.text), ...storedEvents(b.events, b.cols, b.text)];
  expect(parts.map((p) => p.id)).toEqual(events.map((e) => e.id));
  // A page made of other pages' events equals one encoded from the events themselves.
  const whole = encodePage('c', 7, events);
  expect(encodeStored('c', 7, parts)).toEqual(whole);
  expect(encodeStored('c', 2, parts.slice(5, 30))).toEqual(encodePage('c', 2, events.slice(5, 30)));
});
