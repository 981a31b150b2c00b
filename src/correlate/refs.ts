/**
 * Which entities one event names. The single definition shared by entity membership, the timeline
 * index and the findings, so "events of entity X" means the same thing everywhere.
 */
import type { TgEvent } from '../model/event';

export interface RefTables {
  eventTokens: string[][];
  eventIdentity: (string | undefined)[];
  eventPilot: (string | undefined)[];
}

type RefKind = 'pilot' | 'payload' | 'host' | 'ip' | 'endpoint' | 'vo';
const LOWERED = new Set<RefKind>(['host', 'vo']);

/**
 * Entity ids by raw value, built once per value. Over a million events the same few thousand
 * hosts, IPs and endpoints recur; reusing one id string per value spares a concatenation, a
 * lower-casing and a hash of a fresh string for every reference.
 */
export class RefIds {
  private readonly memo = new Map<RefKind, Map<string, string>>();

  id(kind: RefKind, raw: string): string {
    let m = this.memo.get(kind);
    if (!m) {
      m = new Map();
      this.memo.set(kind, m);
    }
    let id = m.get(raw);
    if (id === undefined) {
      id = `${kind}:${LOWERED.has(kind) ? raw.toLowerCase() : raw}`;
      m.set(raw, id);
    }
    return id;
  }
}

/** Without a memo: builds each id afresh (callers that look at a few events). */
const FRESH = { id: (kind: RefKind, raw: string) => `${kind}:${LOWERED.has(kind) ? raw.toLowerCase() : raw}` };

/** Entity ids event `i` names (may repeat; callers dedupe when it matters). */
export function eventRefs(e: TgEvent, i: number, t: RefTables, out: string[] = [], ids: Pick<RefIds, 'id'> = FRESH): string[] {
  out.length = 0;
  const x = e.ids;
  for (const tok of t.eventTokens[i]!) out.push(tok);
  const idn = t.eventIdentity[i];
  if (idn) out.push(idn);
  const pk = t.eventPilot[i];
  if (pk) out.push(ids.id('pilot', pk));
  if (x.payloadId) out.push(ids.id('payload', x.payloadId));
  if (x.host) out.push(ids.id('host', x.host));
  if (x.workerNode) out.push(ids.id('host', x.workerNode));
  if (x.clientHost) out.push(ids.id('host', x.clientHost));
  if (x.ip) out.push(ids.id('ip', x.ip));
  if (x.endpoint) out.push(ids.id('endpoint', x.endpoint));
  if (x.vo) out.push(ids.id('vo', x.vo));
  return out;
}
