/**
 * Pilots and payloads. A pilot is one batch job seen under many names: CE job id, routed batch job
 * id, GlobalJobId, ARC job id, framework pilot id. Every event that names two of them joins them
 * (union-find); AuditLog lines join through their connection id (`cid:N`) to the job they submit.
 * A framework pilot whose log names no batch id is joined to the one batch job running on the
 * same worker node at its start (inferred, noted on the pilot).
 */
import type { TgEvent } from '../model/event';
import { flat, fmtTime, fmtTolerance, innerMap, type PayloadRec, type PilotRec, pushTo, WN_KINDS } from './graph';
import { PrefixedIds } from './refs';
import { UnionFind } from './union-find';

/** Prefixed job keys an event names (into `out`, which is returned). */
export function jobKeys(e: TgEvent, out: string[], ids: PrefixedIds): string[] {
  out.length = 0;
  const x = e.ids;
  if (x.pilotId) out.push(ids.get('pilot', x.pilotId));
  if (x.globalJobId) out.push(ids.get('gjid', x.globalJobId));
  if (x.batchJobId) out.push(ids.get('batch', x.batchJobId));
  if (x.ceJobId) {
    out.push(ids.get('ce', x.ceJobId));
    // A schedd job that ran on a worker node (SchedLog "Started shadow for job X on slot@wn") is
    // the batch job itself: on an HTCondor-CE the routed job lives in the same schedd.
    if (x.workerNode && !x.batchJobId) out.push(ids.get('batch', x.ceJobId));
  }
  if (x.arcJobId) out.push(ids.get('arc', x.arcJobId));
  return out;
}

const NONE = new Set<string>();
const START_KINDS = new Set<TgEvent['kind']>(['job.start', 'pilot.start', 'payload.start']);
const END_KINDS = new Set<TgEvent['kind']>(['job.end', 'pilot.end', 'payload.end']);
const SUBMIT_KINDS = new Set<TgEvent['kind']>(['job.submit', 'job.route', 'token.use', 'auth.login', 'auth.fail']);

export interface PilotResult {
  pilots: Map<string, PilotRec>;
  payloads: Map<string, PayloadRec>;
  pilotByJob: Map<string, string>;
  eventPilot: (string | undefined)[];
}

function newPilot(): PilotRec {
  return { id: '', key: '', ceJobIds: new Set(), batchJobIds: new Set(), globalJobIds: new Set(), pilotIds: new Set(), arcJobIds: new Set(), hosts: new Set(), slots: new Set(), ces: new Set(), vos: new Set(), owners: new Set(), endKnown: false, events: [], statedIps: new Map(), payloads: new Set(), notes: [] };
}

function pilotKey(p: PilotRec): string {
  for (const s of [p.pilotIds, p.globalJobIds, p.batchJobIds, p.ceJobIds, p.arcJobIds]) if (s.size) return [...s].sort()[0]!;
  return '?';
}

/** Start/end of a running job from its worker-node records. */
function interval(events: TgEvent[], idx: number[], hosts: Set<string>, service: Set<string> = NONE): { start?: number; end?: number; endKnown: boolean } {
  let start: number | undefined;
  let end: number | undefined;
  let first: number | undefined;
  let last: number | undefined;
  // Records written on the node win over the CE's own (history JobStartDate, router lines).
  let sStart: number | undefined;
  let sEnd: number | undefined;
  for (const i of idx) {
    const e = events[i]!;
    const ts = e.time.ts;
    const onService = e.ids.host !== undefined && service.has(e.ids.host);
    if (START_KINDS.has(e.kind)) {
      if (onService) sStart = sStart === undefined ? ts : Math.min(sStart, ts);
      else start = start === undefined ? ts : Math.min(start, ts);
    }
    if (END_KINDS.has(e.kind)) {
      if (onService) sEnd = sEnd === undefined ? ts : Math.max(sEnd, ts);
      else end = end === undefined ? ts : Math.max(end, ts);
    }
    if (onService) continue;
    if (WN_KINDS.has(e.kind) && (!e.ids.host || hosts.has(e.ids.host))) {
      first = first === undefined ? ts : Math.min(first, ts);
      last = last === undefined ? ts : Math.max(last, ts);
    }
  }
  start ??= first ?? sStart;
  end ??= last === undefined ? sEnd : undefined;
  if (end !== undefined) return { start, end: Math.max(end, last ?? end), endKnown: true };
  return { start, end: last, endKnown: false };
}

/** True when some line names the pilot's batch-side job (batch, global, CE or ARC id). */
function namesBatchJob(p: PilotRec): boolean {
  return p.batchJobIds.size + p.globalJobIds.size + p.ceJobIds.size + p.arcJobIds.size > 0;
}

/** The entries listed under any of `hosts`, each once (in first-seen order). */
function onHosts<T>(hosts: Set<string>, byHost: Map<string, T[]>, key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const h of hosts) {
    for (const t of byHost.get(h) ?? []) {
      const k = key(t);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

/** `service`: hosts that write service logs (CE, storage...): never a pilot's node. */
export function buildPilots(events: TgEvent[], toleranceMs: number, service: Set<string> = NONE): PilotResult {
  const uf = new UnionFind<string>();
  // Submitting connection (host → session id) → the CE job it submitted.
  const sessionJob = new Map<string, Map<string, string>>();
  const prefixed = new PrefixedIds();
  const keys: string[] = [];
  // Each event's first job key, kept for the second pass.
  const firstKey: (string | undefined)[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const k = jobKeys(e, keys, prefixed);
    firstKey[i] = k[0];
    for (let j = 1; j < k.length; j++) uf.union(k[0]!, k[j]!);
    if (e.ids.session && e.ids.ceJobId && e.kind === 'job.submit') innerMap(sessionJob, e.ids.host ?? '').set(e.ids.session, prefixed.get('ce', e.ids.ceJobId));
  }
  const eventRoot: (string | undefined)[] = new Array(events.length);
  const groups = new Map<string, PilotRec>();
  const payloadEvents = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    let k0 = firstKey[i];
    if (k0 === undefined && e.ids.session) k0 = sessionJob.get(e.ids.host ?? '')?.get(e.ids.session);
    if (e.ids.payloadId) pushTo(payloadEvents, e.ids.payloadId, i);
    if (k0 === undefined) continue;
    const root = uf.find(k0);
    eventRoot[i] = root;
    let p = groups.get(root);
    if (!p) {
      p = newPilot();
      groups.set(root, p);
    }
    p.events.push(i);
    const ids = e.ids;
    if (ids.pilotId) p.pilotIds.add(ids.pilotId);
    if (ids.globalJobId) p.globalJobIds.add(ids.globalJobId);
    if (ids.batchJobId) p.batchJobIds.add(ids.batchJobId);
    if (ids.ceJobId) p.ceJobIds.add(ids.ceJobId);
    if (ids.arcJobId) p.arcJobIds.add(ids.arcJobId);
    if (ids.workerNode && !service.has(ids.workerNode)) p.hosts.add(ids.workerNode);
    if (ids.slot) p.slots.add(ids.slot);
    if (ids.vo) p.vos.add(ids.vo.toLowerCase());
    if (SUBMIT_KINDS.has(e.kind)) {
      if (ids.host) p.ces.add(ids.host);
      if (ids.user && !ids.payloadId) p.owners.add(ids.user);
    } else if (ids.host && WN_KINDS.has(e.kind) && !service.has(ids.host)) {
      p.hosts.add(ids.host);
      // Worker-node logs state the node's own address (EVENTS.md).
      if (ids.ip && !p.statedIps.has(ids.ip)) p.statedIps.set(ids.ip, i);
    }
    if (e.kind === 'job.record' && ids.user) p.owners.add(ids.user);
  }
  for (const p of groups.values()) Object.assign(p, interval(events, p.events, p.hosts, service));

  // Framework pilots whose log names no batch id: join to the one batch job on that node at that time.
  // Batch jobs by node, so each such pilot looks only at the jobs of its own nodes.
  const batchByHost = new Map<string, Array<[string, PilotRec]>>();
  for (const entry of groups.entries()) {
    const b = entry[1];
    if (namesBatchJob(b)) for (const h of b.hosts) pushTo(batchByHost, h, entry);
  }
  for (const [root, p] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (p.pilotIds.size === 0 || namesBatchJob(p) || p.start === undefined) continue;
    const fits = onHosts(p.hosts, batchByHost, ([r]) => r).filter(([r, b]) => r !== root && b.pilotIds.size === 0 && b.start !== undefined && b.start - toleranceMs <= p.start! && p.start! <= (b.end ?? b.start) + toleranceMs);
    if (fits.length !== 1) continue;
    const [broot, b] = fits[0]!;
    const host = [...p.hosts].find((h) => b.hosts.has(h))!;
    b.notes.push(`pilot ${[...p.pilotIds].join(', ')} joined to batch job ${[...b.batchJobIds, ...b.globalJobIds].sort()[0] ?? broot} by time overlap on ${host} at ${fmtTime(p.start!)} (${fmtTolerance(toleranceMs)})`);
    for (const f of ['pilotIds', 'globalJobIds', 'batchJobIds', 'ceJobIds', 'arcJobIds', 'hosts', 'slots', 'ces', 'vos', 'owners'] as const) for (const v of p[f]) b[f].add(v);
    b.events.push(...p.events);
    b.events.sort((x, y) => x - y);
    for (const i of p.events) eventRoot[i] = broot;
    Object.assign(b, interval(events, b.events, b.hosts, service));
    groups.delete(root);
  }

  const pilots = new Map<string, PilotRec>();
  const pilotByJob = new Map<string, string>();
  const rootToKey = new Map<string, string>();
  for (const [root, p] of groups) {
    p.key = pilotKey(p);
    // Two jobs can share a number (two CEs' schedds, a recycled id): each keeps its own record.
    if (pilots.has(p.key)) {
      const base = p.key;
      for (let n = 2; pilots.has(p.key); n++) p.key = `${base}~${n}`;
      p.notes.push(`job id ${base} also names another job: this one is ${p.key}`);
    }
    p.id = flat(`pilot:${p.key}`);
    pilots.set(p.key, p);
    rootToKey.set(root, p.key);
    for (const [pre, s] of [['pilot', p.pilotIds], ['gjid', p.globalJobIds], ['batch', p.batchJobIds], ['ce', p.ceJobIds], ['arc', p.arcJobIds]] as const) for (const v of s) pilotByJob.set(`${pre}:${v}`, p.key);
  }
  const eventPilot = eventRoot.map((r) => (r === undefined ? undefined : rootToKey.get(r)));
  const pilotsByHost = new Map<string, PilotRec[]>();
  for (const p of pilots.values()) for (const h of p.hosts) pushTo(pilotsByHost, h, p);

  const payloads = new Map<string, PayloadRec>();
  for (const [key, idx] of [...payloadEvents.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rec: PayloadRec = { id: flat(`payload:${key}`), key, users: new Set(), subs: new Set(), vos: new Set(), hosts: new Set(), endKnown: false, events: idx };
    const pilotVotes = new Map<string, number[]>();
    for (const i of idx) {
      const e = events[i]!;
      if (e.ids.user) rec.users.add(e.ids.user);
      if (e.ids.sub) rec.subs.add(e.ids.sub);
      if (e.ids.vo) rec.vos.add(e.ids.vo.toLowerCase());
      if (e.ids.host && !service.has(e.ids.host)) rec.hosts.add(e.ids.host);
      const pk = eventPilot[i];
      if (pk) pushTo(pilotVotes, pk, i);
    }
    Object.assign(rec, interval(events, idx, rec.hosts, service));
    if (pilotVotes.size === 1) {
      const [pk, ev] = [...pilotVotes.entries()][0]!;
      rec.pilot = pk;
      rec.pilotLink = { confidence: 'certain', rule: 'pilot.payload-log', evidence: ev.slice(0, 5) };
    } else if (pilotVotes.size === 0 && rec.start !== undefined) {
      // No line names both: the one pilot running on the payload's node when it started.
      const fits = onHosts(rec.hosts, pilotsByHost, (p) => p.key).filter((p) => p.start !== undefined && p.start - toleranceMs <= rec.start! && rec.start! <= (p.end ?? p.start) + toleranceMs);
      if (fits.length === 1) {
        const p = fits[0]!;
        rec.pilot = p.key;
        rec.pilotLink = { confidence: 'inferred', rule: 'time-overlap.host', reason: `payload started at ${fmtTime(rec.start)} on ${[...rec.hosts].join(', ')} while pilot ${p.key} ran there (${fmtTolerance(toleranceMs)})`, evidence: [idx[0]!] };
      }
    }
    if (rec.pilot) pilots.get(rec.pilot)!.payloads.add(key);
    payloads.set(key, rec);
  }
  return { pilots, payloads, pilotByJob, eventPilot };
}
