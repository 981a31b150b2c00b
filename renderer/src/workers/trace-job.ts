/**
 * Trace jobs: the six questions over a stored case. The graph is built once per case revision
 * (events + tokens from the store) and kept while questions are asked.
 */
import { buildGraph, type Graph } from '../../../src/correlate';
import type { TraceAnswer, TraceQuery } from '../../../src/model';
import { trace } from '../../../src/trace';
import type { CaseStore } from '../store/case-store';

export interface TraceRequest {
  caseId: string;
  /** Bumped by the UI when the case changed (an import), so the graph is rebuilt. */
  revision: number;
  query: TraceQuery;
}

export function traceJobs(store: CaseStore) {
  let cached: { key: string; graph: Graph } | undefined;
  return async (req: TraceRequest): Promise<TraceAnswer[]> => {
    const key = `${req.caseId}@${req.revision}`;
    if (cached?.key !== key) {
      const c = await store.getCase(req.caseId);
      if (!c) throw new Error(`no case ${req.caseId}`);
      const [events, tokens] = await Promise.all([store.queryEvents(req.caseId), store.getTokens(req.caseId)]);
      cached = { key, graph: buildGraph(events, tokens, c.settings) };
    }
    return trace(req.query, cached.graph);
  };
}
