/// <reference lib="dom" />
/**
 * Benchmark page: stores generated events with the case store (paged records) and with the naive
 * layout (one IndexedDB record per event, Dexie bulkAdd), then times the queries the timeline makes.
 */
import Dexie from 'dexie';
import { CaseStore } from '../../../renderer/src/store/case-store';
import { TokentrailDb } from '../../../renderer/src/store/db';
import { eventBatches } from './events';

declare global {
  interface Window {
    bench: { paged(n: number, inputs: number): Promise<Record<string, number>>; naive(n: number): Promise<Record<string, number>> };
  }
}

const ms = (t0: number) => Math.round(performance.now() - t0);

async function paged(n: number, inputs: number) {
  const name = `bench-paged-${n}`;
  const store = new CaseStore(new TokentrailDb(name));
  const c = await store.createCase({ name: 'bench' });
  const t0 = performance.now();
  // Time in the store apart from time making events (the parsers' part, benchmarked by bench/ingest).
  let inStore = 0;
  for (const b of eventBatches(n, inputs, 8000)) {
    const t = performance.now();
    await store.putEventBatch(c.id, b);
    inStore += performance.now() - t;
  }
  const tStored = ms(t0);
  let t = performance.now();
  await store.finalize(c.id);
  inStore += performance.now() - t;
  const tFinal = ms(t0);
  // Browsing as the app does it: a fresh store (the UI's own instance) opens the case.
  const reader = new CaseStore(new TokentrailDb(name));
  t = performance.now();
  const count = await reader.countEvents(c.id);
  const rows = await reader.queryEvents(c.id, { offset: Math.floor(n / 2), limit: 200 });
  const tBrowse = ms(t);
  t = performance.now();
  const far = await reader.queryEvents(c.id, { offset: Math.floor(n / 7), limit: 200 });
  const tJump = ms(t);
  t = performance.now();
  const ipCount = await reader.countEvents(c.id, { pivots: ['ip:203.0.113.3'] });
  const tPivot = ms(t);
  t = performance.now();
  const textCount = await reader.countEvents(c.id, { text: 'f12345.root' });
  const tText = ms(t);
  t = performance.now();
  const textCount2 = await reader.countEvents(c.id, { text: 'f12346.root' });
  const tText2 = ms(t);
  const runs = new Set((await reader.getCase(c.id))?.pages.map((p) => p.run)).size;
  reader.db.close();
  await store.db.delete();
  if (count !== n || rows.length !== 200 || far.length !== 200) throw new Error(`paged store lost events: ${count}/${n}, ${rows.length} rows`);
  for (let i = 1; i < rows.length; i++) if (rows[i]!.time.ts < rows[i - 1]!.time.ts) throw new Error('rows out of order');
  return {
    storedMs: tStored,
    storedAndSortedMs: tFinal,
    inStoreMs: Math.round(inStore),
    browseMs: tBrowse,
    jumpMs: tJump,
    pivotMs: tPivot,
    pivotHits: ipCount,
    textMs: tText,
    textHits: textCount,
    text2Ms: tText2,
    text2Hits: textCount2,
    runs,
  };
}

async function naive(n: number) {
  const db = new Dexie(`bench-naive-${n}`);
  db.version(1).stores({ events: 'id, [caseId+ts], caseId, ip, user' });
  const t0 = performance.now();
  for (const b of eventBatches(n, 8, 10000)) await db.table('events').bulkAdd(b.map((e) => ({ ...e, caseId: 'c', ts: e.time.ts, ip: e.ids.ip, user: e.ids.user })));
  const tStored = ms(t0);
  let t = performance.now();
  const count = await db.table('events').count();
  const rows = await db.table('events').where('[caseId+ts]').between(['c', Dexie.minKey], ['c', Dexie.maxKey]).offset(Math.floor(n / 2)).limit(200).toArray();
  const tBrowse = ms(t);
  t = performance.now();
  const ipCount = await db.table('events').where('ip').equals('203.0.113.3').count();
  const tPivot = ms(t);
  await db.delete();
  if (count !== n || rows.length !== 200) throw new Error('naive store lost events');
  return { storedMs: tStored, browseMs: tBrowse, pivotMs: tPivot, pivotHits: ipCount };
}

window.bench = { paged, naive };
document.title = 'ready';
