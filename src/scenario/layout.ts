/**
 * Where each log lives in the bundle and how it is rotated: the layout a site hands over
 * (`<host>/var/log/...`). Rotated segments split the three-day window: the current file holds the
 * incident day, `.1`/`.old` the day before, `.2.gz` the first day.
 */
import {
  apacheTime,
  condorTime,
  dcacheTime,
  iamTime,
  pandaTime,
  syslogTime,
  utcDate,
  xrootdTime,
} from './clock';
import type { Bundle } from './sink';
import { DAY_MS, type Host, INCIDENT_DAY, WINDOW_END, WINDOW_START, type World } from './world';

const D1 = WINDOW_START + DAY_MS;

/** Time as the host writes it: its own (skewed) clock in its own convention. */
const skewed = (h: Host, f: (t: number, off: number) => string) => (t: number) => f(t + h.skewMs, h.offMin);

export const SRC = {
  audit: 'ce.audit',
  sched: 'ce.sched',
  router: 'ce.router',
  history: 'ce.history',
  dcache: 'se.access',
  xrootd: 'xrd.log',
  iam: 'iam.audit',
  sshd: 'ui.auth',
  web: 'www.access',
} as const;

/** Defines the site-wide sources (noise generators are attached by noise.ts). */
export function defineLayout(b: Bundle, w: World): void {
  const ce = `${w.ce.fqdn}/var/log/condor-ce`;
  b.define({ id: SRC.audit, host: w.ce, stamp: skewed(w.ce, condorTime), weight: 12, segments: [
    { path: `${ce}/AuditLog.old`, from: WINDOW_START, to: INCIDENT_DAY },
    { path: `${ce}/AuditLog`, from: INCIDENT_DAY, to: WINDOW_END },
  ] });
  b.define({ id: SRC.sched, host: w.ce, stamp: skewed(w.ce, condorTime), weight: 10, segments: [
    { path: `${ce}/SchedLog.old`, from: WINDOW_START, to: INCIDENT_DAY },
    { path: `${ce}/SchedLog`, from: INCIDENT_DAY, to: WINDOW_END },
  ] });
  b.define({ id: SRC.router, host: w.ce, stamp: skewed(w.ce, condorTime), weight: 3, segments: [
    { path: `${ce}/JobRouterLog`, from: WINDOW_START, to: WINDOW_END },
  ] });
  b.define({ id: SRC.history, host: w.ce, stamp: () => '', weight: 6, segments: [
    { path: `${w.ce.fqdn}/var/lib/condor-ce/spool/history`, from: WINDOW_START, to: WINDOW_END },
  ] });
  const dc = `${w.se.fqdn}/var/log/dcache/webdavDomain.access`;
  b.define({ id: SRC.dcache, host: w.se, stamp: skewed(w.se, dcacheTime), weight: 30, segments: [
    { path: `${dc}.${utcDate(WINDOW_START)}.gz`, from: WINDOW_START, to: D1, gzip: true },
    { path: `${dc}.${utcDate(D1)}.gz`, from: D1, to: INCIDENT_DAY, gzip: true },
    { path: dc, from: INCIDENT_DAY, to: WINDOW_END },
  ] });
  const xr = `${w.xrd.fqdn}/var/log/xrootd/atlas/xrootd.log`;
  b.define({ id: SRC.xrootd, host: w.xrd, stamp: skewed(w.xrd, xrootdTime), weight: 22, segments: [
    { path: `${xr}.2.gz`, from: WINDOW_START, to: D1, gzip: true },
    { path: `${xr}.1`, from: D1, to: INCIDENT_DAY },
    { path: xr, from: INCIDENT_DAY, to: WINDOW_END },
  ] });
  b.define({ id: SRC.iam, host: w.iam, stamp: (t) => iamTime(t + w.iam.skewMs), weight: 7, segments: [
    { path: `${w.iam.fqdn}/var/log/iam/iam-login-service.log`, from: WINDOW_START, to: WINDOW_END },
  ] });
  b.define({ id: SRC.sshd, host: w.ui, stamp: skewed(w.ui, syslogTime), weight: 4, segments: [
    { path: `${w.ui.fqdn}/var/log/auth.log.1`, from: WINDOW_START, to: INCIDENT_DAY },
    { path: `${w.ui.fqdn}/var/log/auth.log`, from: INCIDENT_DAY, to: WINDOW_END },
  ] });
  b.define({ id: SRC.web, host: w.www, stamp: skewed(w.www, apacheTime), weight: 6, segments: [
    { path: `${w.www.fqdn}/var/log/httpd/access_log`, from: WINDOW_START, to: WINDOW_END },
  ] });
}

/** Worker-node HTCondor logs (StartLog, StarterLog.<slot>) of one cast node, defined on first use. */
export function wnSource(b: Bundle, h: Host, file: string): string {
  const id = `wn:${h.short}:${file}`;
  if (!b.sources.has(id)) {
    b.define({ id, host: h, stamp: skewed(h, condorTime), weight: 0, segments: [
      { path: `${h.fqdn}/var/log/condor/${file}`, from: WINDOW_START, to: WINDOW_END },
    ] });
  }
  return id;
}

/** A PanDA pilotlog.txt in the pilot's sandbox on the worker node (UTC, no skew: pilots log gmtime). */
export function pilotSource(b: Bundle, h: Host, dir: string): string {
  const id = `pilot:${h.short}:${dir}`;
  if (!b.sources.has(id)) {
    b.define({ id, host: h, stamp: (t) => pandaTime(t + h.skewMs), weight: 0, segments: [
      { path: `${h.fqdn}/var/lib/condor/execute/${dir}/pilotlog.txt`, from: WINDOW_START, to: WINDOW_END },
    ] });
  }
  return id;
}
