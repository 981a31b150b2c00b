/** Asks the trace worker a question about a case. */
import type { TraceAnswer, TraceQuery } from '../../../../src/model';
import { WorkerClient } from '../../workers/client';
import type { TraceRequest } from '../../workers/trace-job';

let client: WorkerClient<TraceRequest, never, TraceAnswer[]> | undefined;

export function askTrace(caseId: string, revision: number, query: TraceQuery): Promise<TraceAnswer[]> {
  client ??= new WorkerClient(new Worker(new URL('../../workers/trace.worker.ts', import.meta.url), { type: 'module', name: 'trace' }));
  return client.run({ caseId, revision, query }).result;
}
