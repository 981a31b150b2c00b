/**
 * Which entities one event names. The single definition shared by entity membership, the timeline
 * index and the findings, so "events of entity X" means the same thing everywhere.
 */
import type { TgEvent } from '../model/event';
import { innerMap } from './graph';

export interface RefTables {
  eventTokens: string[][];
  eventIdentity: (string | undefined)[];
  eventPilot: (string | undefined)[];
}

type RefKind = 'pilot' | 'payload' | 'host' | 'ip' | 'endpoint' | 'vo';
const LOWERED: ReadonlySet<string> = new Set<RefKind>(['host', 'vo']);

/**
 * `prefix:value` ids built once per raw value. Over a million events the same few thousand hosts,
 * IPs, endpoints and jobs recur; reusing one id string per value spares a concatenation (and a
 * lower-casing) and a hash of a fresh string for every reference.
 */
export class PrefixedIds {
  private readonly memo = new Map<string, Map<string, string>>();
  constructor(private readonly lowered: ReadonlySet<string> = new Set()) {}

  get(prefix: string, raw: string): string {
    const m = innerMap(this.memo, prefix);
    let id = m.get(raw);
    if (id === undefined) {
      id = `${prefix}:${this.lowered.has(prefix) ? raw.toLowerCase() : raw}`;
      m.set(raw, id);
    }
    return id;
  }
}

/** Entity ids (`host:` and `vo:` values lower-cased, as entity keys are). */
export const entityIds = (): PrefixedIds => new PrefixedIds(LOWERED);

/** Without a memo: builds each id afresh (callers that look at a few events). */
const FRESH = { get: (kind: string, raw: string) => `${kind}:${LOWERED.has(kind) ? raw.toLowerCase() : raw}` };

/** Entity ids event `i` names (may repeat; callers dedupe when it matters). */
export function eventRefs(e: TgEvent, i: number, t: RefTables, out: string[] = [], ids: Pick<PrefixedIds, 'get'> = FRESH): string[] {
  out.length = 0;
  const x = e.ids;
  for (const tok of t.eventTokens[i]!) out.push(tok);
  const idn = t.eventIdentity[i];
  if (idn) out.push(idn);
  const pk = t.eventPilot[i];
  if (pk) out.push(ids.get('pilot', pk));
  if (x.payloadId) out.push(ids.get('payload', x.payloadId));
  if (x.host) out.push(ids.get('host', x.host));
  if (x.workerNode) out.push(ids.get('host', x.workerNode));
  if (x.clientHost) out.push(ids.get('host', x.clientHost));
  if (x.ip) out.push(ids.get('ip', x.ip));
  if (x.endpoint) out.push(ids.get('endpoint', x.endpoint));
  if (x.vo) out.push(ids.get('vo', x.vo));
  return out;
}
