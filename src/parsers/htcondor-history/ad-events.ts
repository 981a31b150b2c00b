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

function ids(ad: ClassAd): EventIds {
  const out: EventIds = {};
  const set = <K extends keyof EventIds>(k: K, v: EventIds[K] | undefined) => {
    if (v !== undefined && v !== '') out[k] = v;
  };
  const cluster = ad.get('ClusterId');
  const proc = ad.get('ProcId');
  const own = cluster && proc ? `${cluster}.${proc}` : undefined;
  const routedFrom = ad.get('RoutedFromJobId');
  if (routedFrom) {
    // This ad is the routed (batch-side) copy of a CE job.
    set('ceJobId', routedFrom);
    set('batchJobId', own);
  } else set('ceJobId', own);
  const gid = ad.get('GlobalJobId');
  set('globalJobId', gid);
  if (gid?.includes('#')) set('host', gid.split('#')[0].split('@').pop()?.toLowerCase());
  set('user', ad.get('Owner'));
  set('sub', ad.get('AuthTokenSubject'));
  set('iss', ad.get('AuthTokenIssuer'));
  set('jti', ad.get('AuthTokenId'));
  set('vo', voFromGroups(ad.get('AuthTokenGroups')) ?? voFromIssuer(ad.get('AuthTokenIssuer')) ?? ad.get('x509UserProxyVOName'));
  const remote = ad.get('RemoteHost') ?? ad.get('LastRemoteHost');
  if (remote) {
    const sh = splitSlotHost(remote);
    set('workerNode', sh.host);
    set('slot', sh.slot);
  }
  set('dn', ad.get('x509userproxysubject'));
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
  const mk = (kind: EventKind, t: EventDraft['time'], summary: string): EventDraft => ({
    time: t,
    kind,
    ids: { ...base },
    text: origin.text,
    summary,
    src,
  });
  const out = [mk('job.record', recTime, parts.join(', '))];
  if (start) out.push(mk('job.start', start, `job ${job} started${base.workerNode ? ` on ${base.workerNode}` : ''} (from job ClassAd)`));
  if (end) out.push(mk('job.end', end, `job ${job} completed (from job ClassAd)`));
  return out;
}
