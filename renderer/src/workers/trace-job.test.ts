import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CaseStore } from '../store/case-store';
import { TokentrailDb } from '../store/db';
import { runIngestJob } from './ingest-job';
import { traceJobs } from './trace-job';

const stores: CaseStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.db.delete();
});

it('answers a traceability question over a stored case', async () => {
  const store = new CaseStore(new TokentrailDb('trace-job'));
  stores.push(store);
  const c = await store.createCase({ name: 't' });
  const bundle = path.join(__dirname, '../../../assets/demo/bundle/ce01.example-site.org/var/log/condor-ce');
  const files = ['AuditLog', 'SchedLog', 'JobRouterLog'].map((n) => ({ path: `ce01/${n}`, file: new Blob([new Uint8Array(readFileSync(path.join(bundle, n))) as Uint8Array<ArrayBuffer>]) }));
  await runIngestJob(store, { caseId: c.id, tz: 'UTC', files }, { signal: new AbortController().signal, progress: () => {} });
  const first = (await store.queryEvents(c.id, { kinds: ['job.submit'], limit: 1 }))[0];
  expect(first?.ids.user ?? first?.ids.sub).toBeTruthy();
  const run = traceJobs(store);
  const answers = await run({ caseId: c.id, revision: 1, query: { at: first!.time.ts, until: first!.time.ts + 3_600_000, user: first!.ids.user ?? first!.ids.sub } });
  expect(answers.length).toBeGreaterThan(0);
  expect(answers[0]!.explanation.length).toBeGreaterThan(0);
});
