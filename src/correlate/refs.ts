/**
 * Which entities one event names. The single definition shared by entity membership, the timeline
 * index and the findings, so "events of entity X" means the same thing everywhere.
 */
import type { TgEvent } from '../model/event';
import { flat } from './graph';

export interface RefTables {
  eventTokens: string[][];
  eventIdentity: (string | undefined)[];
  eventPilot: (string | undefined)[];
}

type RefKind = 'pilot' | 'payload' | 'host' | 'ip' | 'endpoint' | 'vo';
const LOWERED = new Set<RefKind>(['host', 'vo']);

/** The entity id of an identifier an event names (`host:` and `vo:` values lower-cased, as entity keys are). */
export function entityId(kind: RefKind, raw: string): string {
  return flat(`${kind}:${LOWERED.has(kind) ? raw.toLowerCase() : raw}`);
}

/**
 * Entity ids event `i` names, written to `out[0…]` (may repeat; callers dedupe when it matters);
 * returns how many. A count, not `out.length = 0`: emptying an array frees its backing store, and
 * the next push allocates a new one, per event.
 */
export function eventRefs(e: TgEvent, i: number, t: RefTables, out: string[]): number {
  let n = 0;
  const x = e.ids;
  for (const tok of t.eventTokens[i]!) out[n++] = tok;
  const idn = t.eventIdentity[i];
  if (idn) out[n++] = idn;
  const pk = t.eventPilot[i];
  if (pk) out[n++] = entityId('pilot', pk);
  if (x.payloadId) out[n++] = entityId('payload', x.payloadId);
  if (x.host) out[n++] = entityId('host', x.host);
  if (x.workerNode) out[n++] = entityId('host', x.workerNode);
  if (x.clientHost) out[n++] = entityId('host', x.clientHost);
  if (x.ip) out[n++] = entityId('ip', x.ip);
  if (x.endpoint) out[n++] = entityId('endpoint', x.endpoint);
  if (x.vo) out[n++] = entityId('vo', x.vo);
  return n;
}
