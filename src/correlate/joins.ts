/**
 * Token ↔ pilot / payload joins.
 * - certain: one line names the token and the job (AuditLog session of a submit, history
 *   AuthTokenId, a pilot-log line naming the payload and the token);
 * - inferred: the token was used from an IP that, at that time, belonged to the node of a running
 *   payload whose user is the token's subject (or the only payload there); or it was written into a
 *   log on that node while the payload ran. Several candidates and no subject to choose: no join.
 */
import type { EventColumns } from './columns';
import { flat, fmtTime, fmtTolerance, type IdentityRec, type IpHostSpan, type PayloadRec, innerMap, type PilotRec, pushTo, TOKEN_USE_KINDS, type TokenJoin, type TokenRec } from './graph';
import { PayloadsBehindIp } from './behind-ip';
import { HostsAtMemo } from './netmap';

export interface JoinInput {
  columns: EventColumns;
  tokens: Map<string, TokenRec>;
  identities: Map<string, IdentityRec>;
  pilots: Map<string, PilotRec>;
  payloads: Map<string, PayloadRec>;
  spansByIp: Map<string, IpHostSpan[]>;
  eventTokenRecs: TokenRec[][];
  eventPilot: (string | undefined)[];
  toleranceMs: number;
}

/** Does the payload belong to the token's subject? yes / no / unknown (payload names nobody). */
export function payloadMatchesToken(p: PayloadRec, t: TokenRec, identities: Map<string, IdentityRec>): 'yes' | 'no' | 'unknown' {
  if (p.subs.size === 0 && p.users.size === 0) return 'unknown';
  if (!t.sub) return 'unknown';
  if (p.subs.has(t.sub) || p.users.has(t.sub)) return 'yes';
  const idn = t.identity ? identities.get(t.identity) : undefined;
  if (idn) for (const u of idn.users) if (p.users.has(u)) return 'yes';
  return 'no';
}

/** Payloads running at `ts` (± slack) on pilots of the given hosts. */
export function payloadsRunningOn(hosts: Set<string>, ts: number, slack: number, pilotsByHost: Map<string, PilotRec[]>, payloads: Map<string, PayloadRec>): PayloadRec[] {
  const out = new Map<string, PayloadRec>();
  for (const h of hosts) {
    for (const p of pilotsByHost.get(h) ?? []) {
      for (const k of p.payloads) {
        const pl = payloads.get(k)!;
        if (pl.start !== undefined && pl.start - slack <= ts && ts <= (pl.end ?? pl.start) + slack) out.set(k, pl);
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function pilotsByHostMap(pilots: Iterable<PilotRec>): Map<string, PilotRec[]> {
  const m = new Map<string, PilotRec[]>();
  for (const p of pilots) for (const h of p.hosts) pushTo(m, h, p);
  return m;
}

export function joinTokens(inp: JoinInput, spansByHost: Map<string, IpHostSpan[]>): TokenJoin[] {
  // token → target → rule: ids already interned, no key string built per token use.
  const joins = new Map<string, Map<string, Map<string, TokenJoin>>>();
  // Each token's last join: a token's uses mostly repeat its previous join (one object-keyed
  // lookup instead of three by id).
  const lastJoin = new Map<TokenRec, TokenJoin>();
  /** Adds this event to the join's evidence; false when there is no such join yet. */
  const seen = (t: TokenRec, target: string, rule: string, ev: number): boolean => {
    let j = lastJoin.get(t);
    if (!j || j.target !== target || j.rule !== rule) {
      j = joins.get(t.id)?.get(target)?.get(rule);
      if (!j) return false;
      lastJoin.set(t, j);
    }
    if (j.evidence.length < 20) j.evidence.push(ev);
    return true;
  };
  const create = (t: TokenRec, target: string, rule: string, confidence: TokenJoin['confidence'], ev: number, reason?: string) => {
    const j: TokenJoin = { token: t.id, target, rule, confidence, evidence: [ev], ...(reason ? { reason } : {}) };
    innerMap(innerMap(joins, t.id), target).set(rule, j);
    lastJoin.set(t, j);
  };
  const add = (t: TokenRec, target: string, rule: string, ev: number) => {
    if (!seen(t, target, rule, ev)) create(t, target, rule, 'certain', ev);
  };
  const tol = inp.toleranceMs;
  const byHost = pilotsByHostMap(inp.pilots.values());
  const behind = new PayloadsBehindIp(inp, spansByHost);
  const hostsAt = new HostsAtMemo(inp.spansByIp, tol);

  const { ts: evTs, kind: evKind, values } = inp.columns;
  const c = inp.columns.codes;
  const str = (code: number) => (code >= 0 ? values[code] : undefined);
  for (let i = 0; i < inp.columns.n; i++) {
    const named = inp.eventTokenRecs[i]!;
    if (named.length === 0) continue;
    const pk = inp.eventPilot[i];
    const kind = evKind[i]!;
    const ts = evTs[i]!;
    const payloadId = str(c.payloadId[i]!);
    const payload = payloadId !== undefined ? inp.payloads.get(payloadId) : undefined;
    for (const t of named) {
      if (payload) {
        add(t, payload.id, 'event.names-both', i);
      } else if (pk) {
        const rule = kind === 'job.record' ? 'history.auth-token' : c.session[i]! >= 0 && c.ceJobId[i]! < 0 ? 'audit.cid-submit' : 'event.names-both';
        add(t, inp.pilots.get(pk)?.id ?? `pilot:${pk}`, rule, i);
      } else if (kind === 'token.exposure' && c.host[i]! >= 0) {
        const host = values[c.host[i]!]!;
        const running = payloadsRunningOn(new Set([host]), ts, tol, byHost, inp.payloads);
        const pick = choose(running, t, inp.identities);
        if (pick && !seen(t, pick.id, 'exposure.host-time', i)) {
          create(t, pick.id, 'exposure.host-time', 'inferred', i, `token written into a log on ${host} at ${fmtTime(ts)} while payload ${pick.key} ran there (${fmtTolerance(tol)})`);
        }
      } else if (TOKEN_USE_KINDS.has(kind) && c.ip[i]! >= 0) {
        const ip = values[c.ip[i]!]!;
        const { pick, running } = behind.pick(ip, ts, t, inp.identities);
        // The reason is worded once, for the use that makes the join.
        if (pick && !seen(t, pick.id, 'time-overlap.ip', i)) {
          const hosts = hostsAt.at(ip, ts);
          const how = running > 1 ? `the payload of the token's subject among ${running} running behind ${ip}` : `the only payload running behind ${ip}`;
          create(t, pick.id, 'time-overlap.ip', 'inferred', i, `used from ${ip} (${hostList(hosts)}) at ${fmtTime(ts)}: ${how} (${fmtTolerance(tol)})`);
        }
      }
    }
  }
  const out: TokenJoin[] = [];
  for (const byTarget of joins.values()) for (const byRule of byTarget.values()) for (const j of byRule.values()) out.push(j);
  // Sorted by their keys in a parallel array: a map lookup per comparison was a tenth of this pass.
  const key = out.map((j) => flat(j.token + j.target + j.rule));
  const at = out.map((_, k) => k).sort((a, b) => (key[a]! < key[b]! ? -1 : 1));
  return at.map((k) => out[k]!);
}

/**
 * The hosts behind an IP, for a reason: a busy NAT gateway hides a hundred nodes, and a reason
 * naming them all (one per join, tens of thousands of joins) is unreadable and was a tenth of
 * correlation's memory. The IP's entity lists them all.
 */
export function hostList(hosts: string[], max = 5): string {
  return hosts.length <= max ? hosts.join(', ') : `${hosts.slice(0, max).join(', ')} and ${hosts.length - max} more hosts`;
}

/** The one payload the token fits: by subject, else the only one whose owner is unknown. */
function choose(running: PayloadRec[], t: TokenRec, identities: Map<string, IdentityRec>): PayloadRec | undefined {
  const yes = running.filter((p) => payloadMatchesToken(p, t, identities) === 'yes');
  if (yes.length === 1) return yes[0];
  if (yes.length > 1) return undefined;
  return running.length === 1 ? running[0] : undefined;
}
