import { expect, it } from 'vitest';
import { makePage, mayContainText, pageEvents } from './event-pages';
import { makeEvents } from './test-events';

it('stores a page as JSON and pre-filters text without parsing, case-insensitively and through escapes', () => {
  const events = makeEvents(20, 5);
  events[3]!.text = 'path="/store/user/Alice/Ünïcode \\ back"';
  const p = makePage('c', 0, events);
  expect(pageEvents(p)).toEqual(events);
  expect(p.n).toBe(20);
  expect(p.keys).toContain('c|ip:203.0.113.7');
  expect(p.keys).toContain('c|kind:token.use');
  expect(mayContainText(p, 'user/alice/ünïcode')).toBe(true);
  expect(mayContainText(p, '"/store/user/alice')).toBe(true);
  expect(mayContainText(p, '\\ back')).toBe(true);
  expect(mayContainText(p, 'not-in-any-line')).toBe(false);
});
