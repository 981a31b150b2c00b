import type { Graph } from '../correlate/graph';
import { severityRank } from '../model/severity';
import type { Finding } from '../model/finding';
import type { TokenInfo } from '../model/token';
import { evidence } from './common';
import { exposureFindings } from './exposure';
import { misuseFindings } from './misuse';
import { refreshFindings } from './refresh';

/** Per-token policy judge (src/tokens `judgeToken`), passed in so findings do not depend on its presence. */
export type TokenJudge = (info: TokenInfo) => Finding[];

/**
 * All findings over a graph: misuse (foreign IP, after payload, several hosts, cross-user, refresh by
 * an unexpected client), exposure in logs, and — when a judge is given — each token's policy
 * findings with the lines where the token appears as evidence. Deduplicated by id, sorted by
 * severity (highest first) then id.
 */
export function findingsFor(g: Graph, judge?: TokenJudge): Finding[] {
  const all: Finding[] = [...misuseFindings(g), ...exposureFindings(g), ...refreshFindings(g)];
  if (judge) {
    for (const t of [...g.tokens.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!t.info) continue;
      for (const f of judge(t.info)) {
        const ev = evidence(g, t.events, 10);
        all.push({ ...f, entities: [...new Set([...f.entities, t.id])].sort(), evidence: f.evidence.length ? f.evidence : ev });
      }
    }
  }
  const byId = new Map<string, Finding>();
  for (const f of all) if (!byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
