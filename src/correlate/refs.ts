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

/** Entity ids event `i` names (may repeat; callers dedupe when it matters). */
export function eventRefs(e: TgEvent, i: number, t: RefTables, out: string[] = []): string[] {
  out.length = 0;
  const ids = e.ids;
  for (const tok of t.eventTokens[i]!) out.push(tok);
  const idn = t.eventIdentity[i];
  if (idn) out.push(idn);
  const pk = t.eventPilot[i];
  if (pk) out.push(`pilot:${pk}`);
  if (ids.payloadId) out.push(`payload:${ids.payloadId}`);
  if (ids.host) out.push(`host:${ids.host.toLowerCase()}`);
  if (ids.workerNode) out.push(`host:${ids.workerNode.toLowerCase()}`);
  if (ids.clientHost) out.push(`host:${ids.clientHost.toLowerCase()}`);
  if (ids.ip) out.push(`ip:${ids.ip}`);
  if (ids.endpoint) out.push(`endpoint:${ids.endpoint}`);
  if (ids.vo) out.push(`vo:${ids.vo.toLowerCase()}`);
  return out;
}
