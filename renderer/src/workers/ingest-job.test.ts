import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CaseStore } from '../store/case-store';
import { TokentrailDb } from '../store/db';
import { runIngestJob } from './ingest-job';

const BUNDLE = path.join(__dirname, '../../../assets/demo/bundle');
const stores: CaseStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.db.delete();
});

function walk(dir: string, rel = ''): { path: string; bytes: Uint8Array<ArrayBuffer> }[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const full = path.join(dir, n);
      const r = rel ? `${rel}/${n}` : n;
      return statSync(full).isDirectory() ? walk(full, r) : [{ path: r, bytes: new Uint8Array(readFileSync(full)) as Uint8Array<ArrayBuffer> }];
    });
}

/** Every string stored anywhere in the database, for the redaction check. */
async function dump(db: TokentrailDb): Promise<string> {
  const parts: string[] = [];
  for (const t of db.tables) parts.push(JSON.stringify(await t.toArray()));
  return parts.join('\n');
}

it('imports the demo bundle: events in pages, inputs with hashes, tokens, findings, and no usable token stored', async () => {
  const files = walk(BUNDLE);
  const store = new CaseStore(new TokentrailDb('ingest-job-demo'));
  stores.push(store);
  const c = await store.createCase({ name: 'demo' });
  const phases = new Set<string>();
  const res = await runIngestJob(
    store,
    { caseId: c.id, tz: 'UTC', files: files.map((f) => ({ path: f.path, file: new Blob([f.bytes]) })) },
    { signal: new AbortController().signal, progress: (p) => phases.add(p.phase) },
  );
  expect(phases.has('analysing')).toBe(true);
  expect(res.events).toBeGreaterThan(1000);
  expect(await store.countEvents(c.id)).toBe(res.events);
  const row = await store.getCase(c.id);
  expect(row?.eventCount).toBe(res.events);
  // Every page has its columns and search text (what the in-memory index is built from).
  expect(await store.db.pageCols.where('caseId').equals(c.id).count()).toBe(row!.pages.length);
  expect(await store.db.pageText.where('caseId').equals(c.id).count()).toBe(row!.pages.length);

  const inputs = await store.getInputs(c.id);
  const schedlog = files.find((f) => f.path.endsWith('condor-ce/SchedLog'))!;
  const rec = inputs.find((i) => i.path === schedlog.path)!;
  expect(rec.sha256).toBe(createHash('sha256').update(schedlog.bytes).digest('hex'));
  expect(rec.events).toBeGreaterThan(0);

  const tokens = await store.getTokens(c.id);
  expect(tokens.length).toBeGreaterThan(0);
  expect((await store.getFindings(c.id)).length).toBe(res.findings);
  expect(res.findings).toBeGreaterThan(0);
  // Time order across all inputs.
  const all = await store.queryEvents(c.id);
  for (let i = 1; i < all.length; i++) expect(all[i]!.time.ts).toBeGreaterThanOrEqual(all[i - 1]!.time.ts);

  // Redaction invariant: no JWT signature from the bundle is anywhere in IndexedDB.
  const text = files.map((f) => new TextDecoder().decode(f.bytes)).join('\n');
  const sigs = [...text.matchAll(/eyJ[\w-]+\.eyJ[\w-]+\.([\w-]{20,})/g)].map((m) => m[1]!);
  expect(sigs.length).toBeGreaterThan(0);
  const stored = await dump(store.db);
  for (const s of new Set(sigs)) expect(stored.includes(s)).toBe(false);
});

it("takes the first import's zone as the case default; later imports and inputs read again in another zone leave it", async () => {
  const schedlog = walk(BUNDLE).find((f) => f.path.endsWith('condor-ce/SchedLog'))!;
  const auth = walk(BUNDLE).find((f) => f.path.endsWith('var/log/auth.log'))!;
  const store = new CaseStore(new TokentrailDb('ingest-job-zone'));
  stores.push(store);
  const c = await store.createCase({ name: 'zone' });
  // What the import panel does: adopt the zone, then start the worker's job.
  const importAt = async (tz: string, f: typeof schedlog, tzFor?: Record<string, string>) => {
    const adopted = await store.adoptFirstImportZone(c.id, tz);
    await runIngestJob(store, { caseId: c.id, tz, tzFor, files: [{ path: f.path, file: new Blob([f.bytes]) }] }, { signal: new AbortController().signal, progress: () => {} });
    return adopted;
  };
  expect(await importAt('+01:00', schedlog)).toBe(true);
  expect((await store.getCase(c.id))!.settings.tz).toBe('+01:00');
  expect(await importAt('Europe/London', auth)).toBe(false);
  expect(await importAt('+01:00', schedlog, { [schedlog.path]: 'Europe/Zurich' })).toBe(false);
  expect((await store.getInputs(c.id)).map((i) => [i.path, i.tz]).sort()).toEqual(
    [
      [auth.path, 'Europe/London'],
      [schedlog.path, 'Europe/Zurich'],
    ].sort(),
  );
  const doc = await store.exportCaseJson(c.id);
  expect(doc.settings.tz).toBe('+01:00');
});

it('stops when cancelled and reports bad input as problems', async () => {
  const store = new CaseStore(new TokentrailDb('ingest-job-cancel'));
  stores.push(store);
  const c = await store.createCase({ name: 'cancel' });
  const ac = new AbortController();
  ac.abort();
  const files = [{ path: 'x.log', file: new Blob(['2026-11-22T10:00:00Z hello\n'.repeat(1000)]) }];
  await expect(runIngestJob(store, { caseId: c.id, tz: 'UTC', files }, { signal: ac.signal, progress: () => {} })).rejects.toThrow();

  const bad = [
    { path: 'broken.tar.gz', file: new Blob([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])]) },
    { path: 'ok.log', file: new Blob(['2026-11-22T10:00:00Z sshd[1]: Accepted publickey for alice from 203.0.113.7 port 22 ssh2\n']) },
  ];
  const res = await runIngestJob(store, { caseId: c.id, tz: 'UTC', files: bad }, { signal: new AbortController().signal, progress: () => {} });
  expect(res.problems.some((p) => p.input.startsWith('broken.tar.gz'))).toBe(true);
  expect(await store.countEvents(c.id)).toBeGreaterThanOrEqual(1);
});
