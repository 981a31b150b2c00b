/// <reference lib="webworker" />
/** The trace worker: answers traceability questions over a stored case off the UI thread. */
import type { TraceAnswer } from '../../../src/model';
import { CaseStore } from '../store/case-store';
import type { Endpoint } from './protocol';
import { serve } from './serve';
import { type TraceRequest, traceJobs } from './trace-job';

const run = traceJobs(new CaseStore());
serve<TraceRequest, never, TraceAnswer[]>(self as unknown as Endpoint, (req) => run(req));
