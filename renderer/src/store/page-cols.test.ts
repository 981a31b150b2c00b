import { expect, it } from 'vitest';
import { pivotKeys } from '../features/timeline/source';
import { pageEvents } from './event-pages';
import { bloomMayHold, encodePage, needleTrigrams, searchText, textBloom } from './page-cols';
import { makeEvents } from './test-events';

it('encodes a page as one JSON string per event, columns and lowercase search text', () => {
  const events = makeEvents(20, 5);
  events[3]!.text = 'path="/store/user/Alice/Ünïcode \\ back" {[}]"\\"';
  events[7]!.summary = 'Token used from Alice';
  events[9]!.severity = 'high';
  const { events: json, cols, text } = encodePage('c', 0, events);
  for (let i = 0; i < events.length; i++) expect(JSON.parse(json[i]!)).toEqual(events[i]);
  expect(pageEvents({ caseId: 'c', page: 0, minTs: 0, maxTs: 0, n: 20, events: json })).toEqual(events);
  // A v2 page (one JSON array) reads the same.
  expect(pageEvents({ caseId: 'c', page: 0, minTs: 0, maxTs: 0, n: 20, json: JSON.stringify(events) })).toEqual(events);
  expect(cols.n).toBe(20);
  expect([...cols.ts]).toEqual(events.map((e) => e.time.ts));
  expect(cols.sev[9]).toBe(3);
  expect(cols.sev[8]).toBe(0);
  // Postings: key k holds exactly the positions of the events carrying it.
  for (const [k, key] of cols.keys.entries()) {
    const pos = [...cols.keyPos.subarray(k === 0 ? 0 : cols.keyEnd[k - 1], cols.keyEnd[k])];
    expect(pos).toEqual(events.flatMap((e, i) => (pivotKeys(e).includes(key) ? [i] : [])));
  }
  expect(searchText(text, 'user/alice/ünïcode')).toEqual([3]);
  expect(searchText(text, '\\ back')).toEqual([3]);
  expect(searchText(text, 'from alice')).toEqual([7]);
  expect(searchText(text, 'not-in-any-line')).toEqual([]);
  // One hit per event even when the needle occurs twice in it.
  expect(searchText(text, 'alice').length).toBe(events.filter((e) => `${e.text}\u0000${e.summary ?? ''}`.toLowerCase().includes('alice')).length);
});

it('skips a page by its trigram filter only when the needle cannot occur in it', () => {
  const { text } = encodePage('c', 0, makeEvents(300, 6));
  const bits = textBloom(text.text);
  // Every substring of the text passes (no false negatives) ...
  for (let i = 0; i + 12 < text.text.length; i += 97) expect(bloomMayHold(bits, needleTrigrams(text.text.slice(i, i + 12)))).toBe(true);
  // ... and needles made of trigrams the page does not hold are skipped.
  expect(bloomMayHold(bits, needleTrigrams('qqqzzzxxx'))).toBe(false);
  expect(searchText(text, 'qqqzzzxxx')).toEqual([]);
  // Too short for a trigram: every page may hold it.
  expect(needleTrigrams('ab')).toEqual([]);
});
