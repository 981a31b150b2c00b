/**
 * One job ClassAd → events: `job.record` (time JobStartDate, else QDate, else CompletionDate /
 * EnteredCurrentStatus) plus `job.start` (JobCurrentStartDate, else JobStartDate) and `job.end`
 * (CompletionDate) derived from the same ad and pointing at the same evidence line.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { ClassAd } from '../common/classad';
import { splitSlotHost, voFromGroups, voFromIssuer } from '../common/identity';

export interface AdOrigin {
  line: number;
  text: string;
}

/** Sets `out[k]` when `v` says something (not undefined, not empty). */
function setId<K extends keyof EventIds>(out: EventIds, k: K, v: EventIds[K] | undefined): void {
  if (v !== undefined && v !== '') out[k] = v;
}

// Module functions rather than closures per ad: under tsx (the CLI) each closure also costs a
// `__name` property definition, and a history file holds an ad every few lines.
function ids(ad: ClassAd): EventIds {
  const out: EventIds = {};
  const cluster = ad.get('ClusterId');
  const proc = ad.get('ProcId');
  const own = cluster && proc ? `${cluster}.${proc}` : undefined;
  const routedFrom = ad.get('RoutedFromJobId');
  if (routedFrom) {
    // This ad is the routed (batch-side) copy of a CE job.
    setId(out, 'ceJobId', routedFrom);
    setId(out, 'batchJobId', own);
  } else setId(out, 'ceJobId', own);
  const gid = ad.get('GlobalJobId');
  setId(out, 'globalJobId', gid);
  if (gid?.includes('#')) setId(out, 'host', gid.split('#')[0].split('@').pop()?.toLowerCase());
  setId(out, 'user', ad.get('Owner'));
  setId(out, 'sub', ad.get('AuthTokenSubject'));
  setId(out, 'iss', ad.get('AuthTokenIssuer'));
  setId(out, 'jti', ad.get('AuthTokenId'));
  setId(out, 'vo', voFromGroups(ad.get('AuthTokenGroups')) ?? voFromIssuer(ad.get('AuthTokenIssuer')) ?? ad.get('x509UserProxyVOName'));
  const remote = ad.get('RemoteHost') ?? ad.get('LastRemoteHost');
  if (remote) {
    const sh = splitSlotHost(remote);
    setId(out, 'workerNode', sh.host);
    setId(out, 'slot', sh.slot);
  }
  setId(out, 'dn', ad.get('x509userproxysubject'));
  return out;
}

function time(ad: ClassAd, attr: string): EventDraft['time'] | undefined {
  const s = ad.int(attr);
  return s === undefined ? undefined : { ts: s * 1000, text: `${attr} = ${s}` };
}

/** Events for one ad; undefined when the ad carries no usable time at all. */
export function adEvents(ad: ClassAd, origin: AdOrigin): EventDraft[] | undefined {
  const recTime =
    time(ad, 'JobStartDate') ?? time(ad, 'QDate') ?? time(ad, 'CompletionDate') ?? time(ad, 'EnteredCurrentStatus');
  if (!recTime) return undefined;
  const base = ids(ad);
  const job = base.batchJobId ?? base.ceJobId ?? base.globalJobId ?? 'unknown job';
  const parts = [`job ${job}`];
  if (base.batchJobId) parts.push(`routed from ${base.ceJobId}`);
  const route = ad.get('RouteName');
  if (route) parts.push(`route ${route}`);
  if (base.user) parts.push(`owner ${base.user}`);
  if (base.sub) parts.push(`token sub ${base.sub}`);
  if (base.workerNode) parts.push(`ran on ${base.workerNode}`);
  const grid = ad.get('GridJobId');
  if (grid) parts.push(`grid job ${grid}`);
  const start = time(ad, 'JobCurrentStartDate') ?? time(ad, 'JobStartDate');
  const end = time(ad, 'CompletionDate');
  if (start) parts.push(`started ${new Date(start.ts).toISOString()}`);
  if (end) parts.push(`completed ${new Date(end.ts).toISOString()}`);
  const src = { line: origin.line };
  const out = [adEvent('job.record', recTime, parts.join(', '), base, origin, src)];
  if (start) out.push(adEvent('job.start', start, `job ${job} started${base.workerNode ? ` on ${base.workerNode}` : ''} (from job ClassAd)`, base, origin, src));
  if (end) out.push(adEvent('job.end', end, `job ${job} completed (from job ClassAd)`, base, origin, src));
  return out;
}

/** One event of an ad: its own copy of the ad's ids, the ad's evidence line. */
function adEvent(kind: EventKind, t: EventDraft['time'], summary: string, base: EventIds, origin: AdOrigin, src: { line: number }): EventDraft {
  return { time: t, kind, ids: { ...base }, text: origin.text, summary, src };
}
