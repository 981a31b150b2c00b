/**
 * Pilots and payloads. A pilot is one batch job seen under many names: CE job id, routed batch job
 * id, GlobalJobId, ARC job id, framework pilot id. Every event that names two of them joins them
 * (union-find); AuditLog lines join through their connection id (`cid:N`) to the job they submit.
 * A framework pilot whose log names no batch id is joined to the one batch job running on the
 * same worker node at its start (inferred, noted on the pilot).
 */
import type { TgEvent } from '../model/event';
import { type EventColumns, perCode } from './columns';
import { DenseUnionFind } from './union-find';
import { flat, fmtTime, fmtTolerance, innerMap, type PayloadRec, type PilotRec, pushTo, WN_KINDS } from './graph';

/**
 * A job key is one of an event's job ids with its kind: `kind * values + code`, the kinds in the
 * order below. Its name (`ce:123.0`) is built only where words need it.
 */
const JOB_KINDS = ['pilot', 'gjid', 'batch', 'ce', 'arc'] as const;
const [PILOT, GJID, BATCH, CE, ARC] = [0, 1, 2, 3, 4];
/** A pilot's ids of each job kind, in JOB_KINDS order. */
const jobIdSets = (p: PilotRec) => [p.pilotIds, p.globalJobIds, p.batchJobIds, p.ceJobIds, p.arcJobIds] as const;

/**
 * Job keys event `i` names, written to `out[0…]`; returns how many. A count, not `out.length = 0`:
 * emptying an array frees its backing store, and the next push allocates a new one (per event).
 */
function jobKeys(cols: EventColumns, i: number, out: number[]): number {
  let n = 0;
  const V = cols.values.length;
  const c = cols.codes;
  if (c.pilotId[i]! >= 0) out[n++] = PILOT * V + c.pilotId[i]!;
  if (c.globalJobId[i]! >= 0) out[n++] = GJID * V + c.globalJobId[i]!;
  if (c.batchJobId[i]! >= 0) out[n++] = BATCH * V + c.batchJobId[i]!;
  if (c.ceJobId[i]! >= 0) {
    out[n++] = CE * V + c.ceJobId[i]!;
    // A schedd job that ran on a worker node (SchedLog "Started shadow for job X on slot@wn") is
    // the batch job itself: on an HTCondor-CE the routed job lives in the same schedd.
    if (c.workerNode[i]! >= 0 && c.batchJobId[i]! < 0) out[n++] = BATCH * V + c.ceJobId[i]!;
  }
  if (c.arcJobId[i]! >= 0) out[n++] = ARC * V + c.arcJobId[i]!;
  return n;
}

const NONE = new Set<string>();
const START_KINDS = new Set<TgEvent['kind']>(['job.start', 'pilot.start', 'payload.start']);
const END_KINDS = new Set<TgEvent['kind']>(['job.end', 'pilot.end', 'payload.end']);
const SUBMIT_KINDS = new Set<TgEvent['kind']>(['job.submit', 'job.route', 'token.use', 'auth.login', 'auth.fail']);

export interface PilotResult {
  pilots: Map<string, PilotRec>;
  payloads: Map<string, PayloadRec>;
  pilotByJob: JobIndex;
  eventPilot: (string | undefined)[];
}

/** Pilot key by job name (`ce:123.0`, `gjid:…`, `batch:…`, `pilot:…`, `arc:…`). */
export interface JobIndex {
  get(job: string): string | undefined;
}

/**
 * The job index, built at its first question: a trace by job id or a job filter asks a few, while
 * a million-event case names a hundred thousand jobs, and building their names cost a tenth of the
 * pilots pass for every analysis, asked or not.
 */
function jobIndex(pilots: Map<string, PilotRec>): JobIndex {
  let byJob: Map<string, string> | undefined;
  return {
    get(job) {
      if (!byJob) {
        byJob = new Map();
        for (const p of pilots.values()) {
          jobIdSets(p).forEach((s, k) => {
            for (const v of s) byJob!.set(`${JOB_KINDS[k]}:${v}`, p.key);
          });
        }
      }
      return byJob.get(job);
    },
  };
}

function newPilot(): PilotRec {
  return { id: '', key: '', ceJobIds: new Set(), batchJobIds: new Set(), globalJobIds: new Set(), pilotIds: new Set(), arcJobIds: new Set(), hosts: new Set(), slots: new Set(), ces: new Set(), vos: new Set(), owners: new Set(), endKnown: false, events: [], statedIps: new Map(), payloads: new Set(), notes: [] };
}

function pilotKey(p: PilotRec): string {
  for (const s of jobIdSets(p)) if (s.size) return [...s].sort()[0]!;
  return '?';
}

/** Start/end of a running job from its worker-node records. */
function interval(cols: EventColumns, idx: number[], hosts: Set<string>, service: Set<string> = NONE): { start?: number; end?: number; endKnown: boolean } {
  let start: number | undefined;
  let end: number | undefined;
  let first: number | undefined;
  let last: number | undefined;
  // Records written on the node win over the CE's own (history JobStartDate, router lines).
  let sStart: number | undefined;
  let sEnd: number | undefined;
  const { ts: evTs, kind: evKind, values } = cols;
  const hostCode = cols.codes.host;
  for (const i of idx) {
    const ts = evTs[i]!;
    const kind = evKind[i]!;
    const host = hostCode[i]! >= 0 ? values[hostCode[i]!]! : undefined;
    const onService = host !== undefined && service.has(host);
    if (START_KINDS.has(kind)) {
      if (onService) sStart = sStart === undefined ? ts : Math.min(sStart, ts);
      else start = start === undefined ? ts : Math.min(start, ts);
    }
    if (END_KINDS.has(kind)) {
      if (onService) sEnd = sEnd === undefined ? ts : Math.max(sEnd, ts);
      else end = end === undefined ? ts : Math.max(end, ts);
    }
    if (onService) continue;
    if (WN_KINDS.has(kind) && (host === undefined || hosts.has(host))) {
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
function onHosts<T, K>(hosts: Set<string>, byHost: Map<string, T[]>, key: (t: T) => K): T[] {
  const seen = new Set<K>();
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
export function buildPilots(cols: EventColumns, toleranceMs: number, service: Set<string> = NONE): PilotResult {
  const { n, values, kind: evKind } = cols;
  const c = cols.codes;
  const V = values.length;
  const sets = new DenseUnionFind(JOB_KINDS.length * V);
  // Submitting connection (host code → session code) → the CE job key it submitted.
  const sessionJob = new Map<number, Map<number, number>>();
  const keys: number[] = [];
  // Every job key named, once each (a key recurs on each of its job's events).
  const seenKeys: number[] = [];
  const keySeen = new Uint8Array(JOB_KINDS.length * V);
  // Each event's first job key (-1: none), kept for the second pass.
  const firstKey = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const nk = jobKeys(cols, i, keys);
    firstKey[i] = nk ? keys[0]! : -1;
    for (let j = 1; j < nk; j++) sets.union(keys[0]!, keys[j]!);
    for (let j = 0; j < nk; j++) {
      const k = keys[j]!;
      if (keySeen[k]) continue;
      keySeen[k] = 1;
      seenKeys.push(k);
    }
    if (c.session[i]! >= 0 && c.ceJobId[i]! >= 0 && evKind[i] === 'job.submit') innerMap(sessionJob, c.host[i]!).set(c.session[i]!, CE * V + c.ceJobId[i]!);
  }
  // A job's name (`ce:123.0`), and each set's root name: the smallest member name, as the records
  // have always been keyed (the integer sets' own root is the smallest number).
  const keyName = (k: number) => `${JOB_KINDS[Math.floor(k / V)]}:${values[k % V]}`;
  const before = (a: number, b: number) => {
    const ka = Math.floor(a / V);
    const kb = Math.floor(b / V);
    // No kind name begins another, so names compare as their kinds do unless the kinds are equal.
    if (ka !== kb) return JOB_KINDS[ka]! < JOB_KINDS[kb]!;
    return values[a % V]! < values[b % V]!;
  };
  const least = new Map<number, number>();
  for (const k of seenKeys) {
    const r = sets.find(k);
    const m = least.get(r);
    if (m === undefined || before(k, m)) least.set(r, k);
  }
  const rootName = perCode((r) => keyName(least.get(r)!));

  const eventRoot = new Int32Array(n).fill(-1);
  const groups = new Map<number, PilotRec>();
  const payloadEvents = new Map<string, number[]>();
  const str = (code: number) => values[code]!;
  const voLower = perCode((code) => values[code]!.toLowerCase());
  for (let i = 0; i < n; i++) {
    let k0 = firstKey[i]!;
    if (k0 < 0 && c.session[i]! >= 0) k0 = sessionJob.get(c.host[i]!)?.get(c.session[i]!) ?? -1;
    if (c.payloadId[i]! >= 0) pushTo(payloadEvents, str(c.payloadId[i]!), i);
    if (k0 < 0) continue;
    const root = sets.find(k0);
    eventRoot[i] = root;
    let p = groups.get(root);
    if (!p) {
      p = newPilot();
      groups.set(root, p);
    }
    p.events.push(i);
    const kind = evKind[i]!;
    if (c.pilotId[i]! >= 0) p.pilotIds.add(str(c.pilotId[i]!));
    if (c.globalJobId[i]! >= 0) p.globalJobIds.add(str(c.globalJobId[i]!));
    if (c.batchJobId[i]! >= 0) p.batchJobIds.add(str(c.batchJobId[i]!));
    if (c.ceJobId[i]! >= 0) p.ceJobIds.add(str(c.ceJobId[i]!));
    if (c.arcJobId[i]! >= 0) p.arcJobIds.add(str(c.arcJobId[i]!));
    if (c.workerNode[i]! >= 0 && !service.has(str(c.workerNode[i]!))) p.hosts.add(str(c.workerNode[i]!));
    if (c.slot[i]! >= 0) p.slots.add(str(c.slot[i]!));
    if (c.vo[i]! >= 0) p.vos.add(voLower(c.vo[i]!));
    const host = c.host[i]! >= 0 ? str(c.host[i]!) : undefined;
    const user = c.user[i]! >= 0 ? str(c.user[i]!) : undefined;
    if (SUBMIT_KINDS.has(kind)) {
      if (host) p.ces.add(host);
      if (user && c.payloadId[i]! < 0) p.owners.add(user);
    } else if (host && WN_KINDS.has(kind) && !service.has(host)) {
      p.hosts.add(host);
      // Worker-node logs state the node's own address (EVENTS.md).
      const ip = c.ip[i]! >= 0 ? str(c.ip[i]!) : undefined;
      if (ip && !p.statedIps.has(ip)) p.statedIps.set(ip, i);
    }
    if (kind === 'job.record' && user) p.owners.add(user);
  }
  for (const p of groups.values()) Object.assign(p, interval(cols, p.events, p.hosts, service));

  // Framework pilots whose log names no batch id: join to the one batch job on that node at that time.
  // Batch jobs by node, so each such pilot looks only at the jobs of its own nodes.
  const batchByHost = new Map<string, Array<[number, PilotRec]>>();
  for (const entry of groups.entries()) {
    const b = entry[1];
    if (namesBatchJob(b)) for (const h of b.hosts) pushTo(batchByHost, h, entry);
  }
  const byRootName = ([a]: [number, PilotRec], [b]: [number, PilotRec]) => (rootName(a) < rootName(b) ? -1 : 1);
  // Only such pilots take part, in name order: sorting every job by name (25k at 1M events) only to
  // skip most of them cost a name string per job. The test is asked again inside: a join merges into
  // a batch job, which never passes it, so the candidates chosen up front are the same.
  const lone = (p: PilotRec) => p.pilotIds.size > 0 && !namesBatchJob(p) && p.start !== undefined;
  for (const [root, p] of [...groups.entries()].filter(([, p]) => lone(p)).sort(byRootName)) {
    if (!lone(p)) continue;
    const fits = onHosts(p.hosts, batchByHost, ([r]) => r).filter(([r, b]) => r !== root && b.pilotIds.size === 0 && b.start !== undefined && b.start - toleranceMs <= p.start! && p.start! <= (b.end ?? b.start) + toleranceMs);
    if (fits.length !== 1) continue;
    const [broot, b] = fits[0]!;
    const host = [...p.hosts].find((h) => b.hosts.has(h))!;
    b.notes.push(`pilot ${[...p.pilotIds].join(', ')} joined to batch job ${[...b.batchJobIds, ...b.globalJobIds].sort()[0] ?? rootName(broot)} by time overlap on ${host} at ${fmtTime(p.start!)} (${fmtTolerance(toleranceMs)})`);
    for (const f of ['pilotIds', 'globalJobIds', 'batchJobIds', 'ceJobIds', 'arcJobIds', 'hosts', 'slots', 'ces', 'vos', 'owners'] as const) for (const v of p[f]) b[f].add(v);
    b.events.push(...p.events);
    b.events.sort((x, y) => x - y);
    for (const i of p.events) eventRoot[i] = broot;
    Object.assign(b, interval(cols, b.events, b.hosts, service));
    groups.delete(root);
  }

  const pilots = new Map<string, PilotRec>();
  const rootToKey = new Map<number, string>();
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
  }
  // A loop, not Array.from with a mapping function over the typed array (its iterator protocol cost
  // a tenth of this pass); neighbours in time mostly share a pilot.
  const eventPilot: (string | undefined)[] = new Array(n).fill(undefined);
  let lastRoot = -1;
  let lastKey: string | undefined;
  for (let i = 0; i < n; i++) {
    const r = eventRoot[i]!;
    if (r < 0) continue;
    if (r !== lastRoot) {
      lastRoot = r;
      lastKey = rootToKey.get(r);
    }
    eventPilot[i] = lastKey;
  }
  const pilotsByHost = new Map<string, PilotRec[]>();
  for (const p of pilots.values()) for (const h of p.hosts) pushTo(pilotsByHost, h, p);

  const payloads = new Map<string, PayloadRec>();
  for (const [key, idx] of [...payloadEvents.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rec: PayloadRec = { id: flat(`payload:${key}`), key, users: new Set(), subs: new Set(), vos: new Set(), hosts: new Set(), endKnown: false, events: idx };
    const pilotVotes = new Map<string, number[]>();
    for (const i of idx) {
      if (c.user[i]! >= 0) rec.users.add(str(c.user[i]!));
      if (c.sub[i]! >= 0) rec.subs.add(str(c.sub[i]!));
      if (c.vo[i]! >= 0) rec.vos.add(voLower(c.vo[i]!));
      if (c.host[i]! >= 0 && !service.has(str(c.host[i]!))) rec.hosts.add(str(c.host[i]!));
      const pk = eventPilot[i];
      if (pk) pushTo(pilotVotes, pk, i);
    }
    Object.assign(rec, interval(cols, idx, rec.hosts, service));
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
  return { pilots, payloads, pilotByJob: jobIndex(pilots), eventPilot };
}
