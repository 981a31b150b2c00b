/**
 * Derived intervals the timeline draws beside events: pilot lifetime, payload run, token validity
 * (iat/nbf → exp). `endKnown: false` says the end is the last record seen, not an end record.
 */
import type { Graph } from '../correlate/graph';

export interface TimelineInterval {
  kind: 'pilot' | 'payload' | 'token';
  /** Entity id. */
  entity: string;
  label: string;
  from: number;
  to: number;
  endKnown: boolean;
}

export function deriveIntervals(g: Graph): TimelineInterval[] {
  const out: TimelineInterval[] = [];
  for (const p of g.pilots.values()) {
    if (p.start === undefined) continue;
    out.push({ kind: 'pilot', entity: p.id, label: `pilot ${p.key} on ${[...p.hosts].sort().join(', ') || 'unknown node'}`, from: p.start, to: p.end ?? p.start, endKnown: p.endKnown });
  }
  for (const pl of g.payloads.values()) {
    if (pl.start === undefined) continue;
    out.push({ kind: 'payload', entity: pl.id, label: `payload ${pl.key}${pl.users.size ? ` of ${[...pl.users].sort().join(', ')}` : ''}`, from: pl.start, to: pl.end ?? pl.start, endKnown: pl.endKnown });
  }
  for (const t of g.tokens.values()) {
    const i = t.info;
    if (!i || i.exp === undefined) continue;
    const from = (i.nbf ?? i.iat ?? i.exp) * 1000;
    out.push({ kind: 'token', entity: t.id, label: `token ${t.fp ? t.fp.slice(0, 16) : t.jti} valid`, from, to: i.exp * 1000, endKnown: true });
  }
  return out.sort((a, b) => a.from - b.from || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}
