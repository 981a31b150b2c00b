/// <reference lib="webworker" />
/** The ingestion worker: serves import jobs (see ingest-job.ts) so the UI thread never parses. */
import { CaseStore } from '../store/case-store';
import { runIngestJob } from './ingest-job';
import type { Endpoint } from './protocol';
import { serve } from './serve';

const store = new CaseStore();
serve(self as unknown as Endpoint, (req: Parameters<typeof runIngestJob>[1], ctx) => runIngestJob(store, req, ctx));
