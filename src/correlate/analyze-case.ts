/**
 * The analysis step every shell calls: a case with events and tokens in, the same case with
 * entities, links and findings filled out. The analyze CLI and the UI worker use this.
 */
import { findingsFor, type TokenJudge } from '../findings/findings';
import type { Case } from '../model/case';
import { buildGraph } from './correlate';
import type { Graph } from './graph';

export interface AnalyzeOptions {
  /** Per-token policy judge (src/tokens `judgeToken`), when available. */
  judge?: TokenJudge;
}

/** Fills `entities`, `links` and `findings`; returns the graph too, for trace and the timeline. */
export function analyzeCaseWithGraph(c: Case, opts: AnalyzeOptions = {}): { case: Case; graph: Graph } {
  const graph = buildGraph(c.events, c.tokens, c.settings);
  const findings = findingsFor(graph, opts.judge);
  return { case: { ...c, entities: graph.entities, links: graph.links, findings }, graph };
}

export function analyzeCase(c: Case, opts: AnalyzeOptions = {}): Case {
  return analyzeCaseWithGraph(c, opts).case;
}
