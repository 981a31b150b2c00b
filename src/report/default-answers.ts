/**
 * The traceability answers a report cites when the analyst asked none: for each token that a
 * misuse finding names, its story; for each IP a misuse finding names, S1/V1 at the first
 * evidence time. Deterministic: findings in id order, at most `max` answers.
 */
import { buildGraph } from '../correlate/correlate';
import type { Case } from '../model/case';
import type { TraceAnswer } from '../model/trace';
import { trace } from '../trace/trace';

export function defaultAnswers(c: Case, max = 6): TraceAnswer[] {
  const misuse = c.findings.filter((f) => f.rule.startsWith('misuse.')).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!misuse.length) return [];
  const g = buildGraph(c.events, c.tokens, c.settings);
  const byId = new Map(c.events.map((e) => [e.id, e]));
  const out: TraceAnswer[] = [];
  const seen = new Set<string>();
  const ask = (key: string, q: Parameters<typeof trace>[0]) => {
    if (seen.has(key) || out.length >= max) return;
    seen.add(key);
    try {
      out.push(...trace(q, g));
    } catch {
      // A question the evidence cannot frame is simply not cited.
    }
  };
  for (const f of misuse) {
    const at = f.evidence.map((e) => (e.eventId ? byId.get(e.eventId)?.time.ts : undefined)).find((t) => t !== undefined);
    for (const ent of f.entities) {
      if (ent.startsWith('token:')) ask(ent, { token: ent.slice(6), at });
      if (ent.startsWith('ip:') && at !== undefined) ask(ent, { ip: ent.slice(3), at });
    }
  }
  return out.slice(0, max);
}
