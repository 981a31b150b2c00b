/**
 * The correlated graph of one case, built on demand from the stored case document and kept per
 * case id while the tab lives. (Large cases: this runs on the main thread; a worker is the next step.)
 */
import { buildGraph } from '../../../../src/correlate/correlate';
import type { Graph } from '../../../../src/correlate/graph';
import type { Case } from '../../../../src/model/case';
import { caseStore } from '../../store';

const cache = new Map<string, Promise<{ doc: Case; graph: Graph }>>();

export function caseGraph(caseId: string, revision: number): Promise<{ doc: Case; graph: Graph }> {
  const key = `${caseId}#${revision}`;
  let hit = cache.get(key);
  if (!hit) {
    cache.clear();
    hit = caseStore()
      .exportCaseJson(caseId)
      .then((doc) => ({ doc, graph: buildGraph(doc.events, doc.tokens, doc.settings) }));
    cache.set(key, hit);
  }
  return hit;
}
