import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_FORMAT, validateCase } from '../../../src/model';
import { CaseStore } from './case-store';
import { TokentrailDb } from './db';
import { compareEvents, PAGE_SIZE } from './event-pages';
import { makeEvents } from './test-events';

let n = 0;
const stores: CaseStore[] = [];
function store() {
  const s = new CaseStore(new TokentrailDb(`test-${++n}`));
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.db.delete();
});

/** Adds events one input at a time in batches, the way ingestion streams them. */
async function loadPerInput(s: CaseStore, caseId: string, events: ReturnType<typeof makeEvents>, batch: number) {
  const inputs = [...new Set(events.map((e) => e.src.input))];
  for (const input of inputs) {
    const mine = events.filter((e) => e.src.input === input);
    for (let i = 0; i < mine.length; i += batch) await s.putEventBatch(caseId, mine.slice(i, i + batch));
  }
}

describe('case store', () => {
  it('keeps a global time order across pages when inputs arrive one after another', async () => {
    const s = store();
    const c = await s.createCase({ name: 'order' });
    const events = makeEvents(PAGE_SIZE * 2 + 777);
    await loadPerInput(s, c.id, events, 1500);
    const expected = [...events].sort(compareEvents);
    const all = await s.queryEvents(c.id);
    expect(all.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    const row = await s.getCase(c.id);
    expect(row?.eventCount).toBe(events.length);
    // Several sorted runs, merged at read time: nothing was rewritten into one run.
    expect(new Set(row?.pages.map((p) => p.run)).size).toBeGreaterThan(1);
    expect(row?.sorted).toBe(false);
    // A window spanning a page boundary.
    const win = await s.queryEvents(c.id, { offset: PAGE_SIZE - 5, limit: 10 });
    expect(win.map((e) => e.id)).toEqual(expected.slice(PAGE_SIZE - 5, PAGE_SIZE + 5).map((e) => e.id));
    expect(await s.countEvents(c.id)).toBe(events.length);
  });

  it('filters by identifier, reading only the pages that hold it', async () => {
    const s = store();
    const c = await s.createCase({ name: 'ids' });
    const events = makeEvents(PAGE_SIZE * 3);
    // One rare IP, present only in the middle of the case.
    const rare = events[Math.floor(events.length / 2)]!;
    rare.ids.ip = '203.0.113.250';
    await loadPerInput(s, c.id, events, 5000);
    const reads: number[] = [];
    const get = s.db.eventPages.get.bind(s.db.eventPages);
    s.db.eventPages.get = ((k: [string, number]) => {
      reads.push(k[1]);
      return get(k);
    }) as typeof s.db.eventPages.get;
    await s.finalize(c.id);
    reads.length = 0;
    const hits = await s.queryEvents(c.id, { pivots: ['ip:203.0.113.250'] });
    expect(hits.map((e) => e.id)).toEqual([rare.id]);
    expect(reads.length).toBe(1);

    const alice = events.filter((e) => e.ids.user === 'alice' && e.ids.ip === '192.0.2.44').sort(compareEvents);
    expect((await s.queryEvents(c.id, { pivots: ['user:alice', 'ip:192.0.2.44'], offset: 10, limit: 20 })).map((e) => e.id)).toEqual(
      alice.slice(10, 30).map((e) => e.id),
    );
    expect(await s.countEvents(c.id, { pivots: ['user:alice', 'ip:192.0.2.44'] })).toBe(alice.length);
    expect(await s.countEvents(c.id, { kinds: ['job.start'] })).toBe(events.filter((e) => e.kind === 'job.start').length);
    const from = events[100]!.time.ts;
    const to = from + 60_000;
    expect(await s.countEvents(c.id, { from, to })).toBe(events.filter((e) => e.time.ts >= from && e.time.ts <= to).length);
    expect(await s.countEvents(c.id, { text: 'f1234.root' })).toBe(1);
    const h = await s.histogram(c.id, {}, 10);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(events.length);
  });

  it('is deterministic: any batch order gives the same exported case', async () => {
    const events = makeEvents(PAGE_SIZE + 321, 7);
    const docs: string[] = [];
    for (const order of [events, [...events].reverse()]) {
      const s = store();
      const c = await s.createCase({ name: 'det', id: 'case-det', createdAt: '2026-03-14T09:00:00.000Z' });
      await loadPerInput(s, c.id, order, 999);
      docs.push(JSON.stringify(await s.exportCaseJson(c.id)));
    }
    expect(docs[0]).toBe(docs[1]);
    const doc = JSON.parse(docs[0]!);
    expect(doc.format).toBe(CASE_FORMAT);
    expect(validateCase(doc).errors).toEqual([]);
  });

  it('imports and exports the case document, and rejects invalid ones', async () => {
    const s = store();
    const c = await s.createCase({ name: 'src', id: 'case-src', createdAt: '2026-03-14T09:00:00.000Z' });
    await s.putEventBatch(c.id, makeEvents(50, 3));
    await s.putInputs(c.id, [{ path: 'site/xrootd.log', size: 4096, sha256: 'a'.repeat(64), parser: 'xrootd', events: 50, problems: 1, tz: 'UTC' }]);
    await s.putProblems(c.id, [{ code: 'line.malformed', input: 'site/xrootd.log', line: 17, message: 'not an xrootd line' }]);
    await s.toggleStar(c.id, 'ev-3-0000001');
    const doc = await s.exportCaseJson(c.id);
    const t = store();
    await t.importCaseJson(doc);
    expect(await t.exportCaseJson(c.id)).toEqual(doc);
    expect((await t.getProblems(c.id))[0]).toEqual({ code: 'line.malformed', input: 'site/xrootd.log', line: 17, message: 'not an xrootd line' });
    await expect(t.importCaseJson({ ...doc, format: 'other' })).rejects.toThrow(/not a valid/);
    await expect(t.importCaseJson({ ...doc, events: [{ id: 1 }] })).rejects.toThrow(/not a valid/);
  });

  it('deletes a case and everything it owns', async () => {
    const s = store();
    const a = await s.createCase({ name: 'a' });
    const b = await s.createCase({ name: 'b' });
    await s.putEventBatch(a.id, makeEvents(100, 1));
    await s.putEventBatch(b.id, makeEvents(100, 2));
    await s.toggleStar(a.id, 'ev-1-0000001');
    await s.deleteCase(a.id);
    expect((await s.listCases()).map((c) => c.name)).toEqual(['b']);
    expect(await s.db.eventPages.where('caseId').equals(a.id).count()).toBe(0);
    expect(await s.db.stars.count()).toBe(0);
    expect(await s.countEvents(b.id)).toBe(100);
  });

  it('keeps time-ordered arrivals sorted and indexed without a rewrite', async () => {
    const s = store();
    const c = await s.createCase({ name: 'ordered' });
    const events = makeEvents(PAGE_SIZE * 2, 9).sort(compareEvents);
    for (let i = 0; i < events.length; i += 1000) await s.putEventBatch(c.id, events.slice(i, i + 1000));
    const row = await s.getCase(c.id);
    expect(row?.sorted).toBe(true);
    expect(row?.pages.map((p) => p.n)).toEqual([PAGE_SIZE, PAGE_SIZE]);
    const bob = events.filter((e) => e.ids.user === 'bob');
    expect((await s.queryEvents(c.id, { pivots: ['user:bob'] })).map((e) => e.id)).toEqual(bob.map((e) => e.id));
  });

  it('removes one input and what it brought, keeping the rest in order', async () => {
    const s = store();
    const c = await s.createCase({ name: 'reparse' });
    const events = makeEvents(PAGE_SIZE + 500, 4);
    await loadPerInput(s, c.id, events, 2000);
    await s.putInputs(c.id, [
      { path: 'site/xrootd.log', size: 1, sha256: 'a'.repeat(64), parser: 'xrootd', events: 1, problems: 1, tz: 'UTC' },
      { path: 'vo/iam-audit.log', size: 1, sha256: 'b'.repeat(64), parser: 'iam', events: 1, problems: 0, tz: 'UTC' },
    ]);
    await s.putProblems(c.id, [{ code: 'line.malformed', input: 'site/xrootd.log', line: 3, message: 'x' }]);
    await s.deleteInputData(c.id, 'site/xrootd.log');
    const rest = events.filter((e) => e.src.input !== 'site/xrootd.log').sort(compareEvents);
    expect((await s.queryEvents(c.id)).map((e) => e.id)).toEqual(rest.map((e) => e.id));
    expect((await s.getCase(c.id))?.eventCount).toBe(rest.length);
    expect((await s.getInputs(c.id)).map((i) => i.path)).toEqual(['vo/iam-audit.log']);
    expect(await s.getProblems(c.id)).toEqual([]);
  });

  it('merges out-of-order batches from several inputs, with ties, into the global order', async () => {
    const s = store();
    const c = await s.createCase({ name: 'merge' });
    const events = makeEvents(PAGE_SIZE * 2 + 333, 11);
    // Ties: groups of events with the same time across inputs (order then falls to input, line, id),
    // and two events from one line of one input (order falls to the id).
    for (let i = 0; i < events.length; i += 7) events[i]!.time.ts = events[i - (i % 21)]!.time.ts;
    const twin = { ...events[40]!, id: `${events[40]!.id}-b` };
    events.push(twin);
    const inputs = [...new Set(events.map((e) => e.src.input))];
    // Batches alternate between inputs, each input in its own order, and one batch mixes two inputs.
    const per = inputs.map((inp) => events.filter((e) => e.src.input === inp).sort(compareEvents));
    const batches: (typeof events)[] = [];
    for (let i = 0; per.some((l) => i < l.length); i += 700) for (const l of per) if (i < l.length) batches.push(l.slice(i, i + 700));
    batches.push([...batches.pop()!, ...batches.pop()!]);
    for (const b of batches) await s.putEventBatch(c.id, b);
    const expected = [...events].sort(compareEvents);
    expect((await s.queryEvents(c.id)).map((e) => e.id)).toEqual(expected.map((e) => e.id));
    // Windows at arbitrary offsets, across page and run boundaries.
    for (const off of [0, 1, 699, PAGE_SIZE - 3, PAGE_SIZE * 2 - 1, expected.length - 5]) {
      expect((await s.queryEvents(c.id, { offset: off, limit: 9 })).map((e) => e.id)).toEqual(expected.slice(off, off + 9).map((e) => e.id));
    }
    // Filters give the same rows as filtering the sorted events.
    const q = { pivots: ['user:bob'], kinds: ['token.use' as const], text: 'F1', offset: 3, limit: 50 };
    const want = expected.filter((e) => e.ids.user === 'bob' && e.kind === 'token.use' && e.text.toLowerCase().includes('f1'));
    expect((await s.queryEvents(c.id, q)).map((e) => e.id)).toEqual(want.slice(3, 53).map((e) => e.id));
    expect(await s.countEvents(c.id, { ...q, offset: undefined, limit: undefined })).toBe(want.length);
    const from = expected[500]!.time.ts;
    const to = expected[2500]!.time.ts;
    expect(await s.countEvents(c.id, { from, to })).toBe(expected.filter((e) => e.time.ts >= from && e.time.ts <= to).length);
    expect(await s.countEvents(c.id, { sources: ['vo/iam-audit.log'] })).toBe(events.filter((e) => e.src.input === 'vo/iam-audit.log').length);
    // A tok: pivot matches by fingerprint prefix, as the row filter does.
    expect(await s.countEvents(c.id, { pivots: ['tok:0001'] })).toBe(events.filter((e) => e.ids.tokenFps?.[0]?.startsWith('0001')).length);
  });

  it('puts a batch that falls inside stored pages in its place, and the same events in any batch order give the same order', async () => {
    const events = makeEvents(PAGE_SIZE + 900, 12).sort(compareEvents);
    const orders: string[][] = [];
    for (const split of [[0, 1000, 3000], [2000, 0, 4000]]) {
      const s = store();
      const c = await s.createCase({ name: 'inside' });
      // A batch whose times span the middle of pages already stored (it starts a new run).
      const [a, b] = [split[0]!, split[1]!];
      const outside = events.filter((_, i) => i < Math.min(a, b) || i >= Math.max(a, b) + 1000);
      const inside = events.filter((_, i) => i >= Math.min(a, b) && i < Math.max(a, b) + 1000);
      await s.putEventBatch(c.id, outside);
      await s.putEventBatch(c.id, inside.reverse());
      orders.push((await s.queryEvents(c.id)).map((e) => e.id));
      expect((await s.getCase(c.id))?.pages.length).toBeGreaterThan(1);
    }
    expect(orders[0]).toEqual(events.map((e) => e.id));
    expect(orders[1]).toEqual(orders[0]);
  });

  it('rewrites a case with too many runs as one sorted run when finalized', async () => {
    const s = store();
    const c = await s.createCase({ name: 'runs' });
    const events = makeEvents(3000, 13);
    // Newest first: every batch starts before the last one, so every batch is its own run.
    const desc = [...events].sort(compareEvents).reverse();
    for (let i = 0; i < desc.length; i += 100) await s.putEventBatch(c.id, desc.slice(i, i + 100));
    expect(new Set((await s.getCase(c.id))?.pages.map((p) => p.run)).size).toBe(30);
    const before = (await s.queryEvents(c.id)).map((e) => e.id);
    const row = await s.finalize(c.id);
    expect(row.sorted).toBe(true);
    expect(row.pages.map((p) => p.n)).toEqual([3000]);
    // The old pages and their side records are gone.
    for (const t of [s.db.eventPages, s.db.pageCols, s.db.pageText]) expect(await t.where('caseId').equals(c.id).count()).toBe(1);
    expect((await s.queryEvents(c.id)).map((e) => e.id)).toEqual(before);
    expect(before).toEqual([...events].sort(compareEvents).map((e) => e.id));
  });

  it('reads a case stored by schema v2 (pages without columns) and keeps its order', async () => {
    const s = store();
    const c = await s.createCase({ name: 'v2' });
    const events = makeEvents(PAGE_SIZE + 10, 14).sort(compareEvents);
    // The v2 layout: globally sorted pages of plain JSON arrays, no run numbers, no side records.
    await s.db.eventPages.bulkAdd([
      { caseId: c.id, page: 0, minTs: events[0]!.time.ts, maxTs: events[PAGE_SIZE - 1]!.time.ts, n: PAGE_SIZE, keys: [], json: JSON.stringify(events.slice(0, PAGE_SIZE)) },
      { caseId: c.id, page: 1, minTs: events[PAGE_SIZE]!.time.ts, maxTs: events[events.length - 1]!.time.ts, n: 10, keys: [], json: JSON.stringify(events.slice(PAGE_SIZE)) },
    ]);
    await s.db.cases.update(c.id, { eventCount: events.length, sorted: true, pages: [{ page: 0, minTs: 0, maxTs: 0, n: PAGE_SIZE }, { page: 1, minTs: 0, maxTs: 0, n: 10 }] });
    expect((await s.queryEvents(c.id, { offset: PAGE_SIZE - 2, limit: 5 })).map((e) => e.id)).toEqual(events.slice(PAGE_SIZE - 2, PAGE_SIZE + 3).map((e) => e.id));
    expect(await s.countEvents(c.id, { pivots: ['user:alice'] })).toBe(events.filter((e) => e.ids.user === 'alice').length);
    expect((await s.getCase(c.id))?.pages.map((p) => p.run)).toEqual([0, 0]);
    // New events continue the case.
    await s.putEventBatch(c.id, makeEvents(5, 15));
    expect(await s.countEvents(c.id)).toBe(events.length + 5);
  });

  it('toggles stars', async () => {
    const s = store();
    const c = await s.createCase({ name: 's' });
    expect(await s.toggleStar(c.id, 'e2')).toBe(true);
    expect(await s.toggleStar(c.id, 'e1')).toBe(true);
    expect(await s.getStars(c.id)).toEqual(['e1', 'e2']);
    expect(await s.toggleStar(c.id, 'e2')).toBe(false);
    expect(await s.getStars(c.id)).toEqual(['e1']);
  });
});
