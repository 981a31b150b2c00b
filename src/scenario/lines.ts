/**
 * Line builders for each real format (DOMAIN.md §2-§9), shared by the cast, the incidents and the
 * background noise, so a noise line and an incident line of one source look alike. `S` marks
 * where the writing host's timestamp goes.
 */
import type { Rng } from './prng';
import { STAMP as S } from './sink';

/** HTCondor-CE AuditLog: one authenticated submission over connection `cid`. */
export function auditSubmit(o: { cid: number; ip: string; port: number; alias: string; payloadJson: string; iss: string; sub: string; condorId: string; jobId: string }): string {
  return [
    `${S} (cid:${o.cid}) Command=QMGMT_WRITE_CMD, peer=<${o.ip}:${o.port}?addrs=${o.ip}-${o.port}&alias=${o.alias}&noUDP&sock=schedd_${o.cid % 9000}_${(o.cid * 7919).toString(16).slice(-4)}>`,
    `${S} (cid:${o.cid}) Examining SciToken with payload ${o.payloadJson}.`,
    `${S} (cid:${o.cid}) AuthMethod=SCITOKENS, AuthId=${o.iss},${o.sub}, CondorId=${o.condorId}`,
    `${S} (cid:${o.cid}) Submitting new job ${o.jobId}`,
  ].join('\n');
}

/** Compute-token payload as the AuditLog prints it (sorted keys, as HTCondor's JSON dump does). */
export function pilotTokenJson(o: { aud: string; exp: number; iat: number; iss: string; jti: string; sub: string; vo: string }): string {
  return JSON.stringify({
    aud: o.aud,
    exp: Math.floor(o.exp / 1000),
    iat: Math.floor(o.iat / 1000),
    iss: o.iss,
    jti: o.jti,
    scope: 'compute.create compute.read compute.modify compute.cancel',
    sub: o.sub,
    'wlcg.groups': [`/${o.vo}`, `/${o.vo}/pilot`],
    'wlcg.ver': '1.0',
  });
}

export function routerLines(src: string, dest: string, route: string): { claimed: string; submitted: string; finalized: string } {
  return {
    claimed: `${S} JobRouter (src=${src},route=${route}): claimed job`,
    submitted: `${S} JobRouter (src=${src},dest=${dest},route=${route}): submitted job`,
    finalized: `${S} JobRouter (src=${src},dest=${dest},route=${route}): finalized job`,
  };
}

/** One history ClassAd (old syntax) with its `***` banner; no timestamp prefix. */
export function historyAd(o: {
  cluster: number; owner: string; globalJobId: string; qdate: number; start: number; end: number;
  iss: string; sub: string; jti: string; vo: string; remoteHost?: string; routedFrom?: string; route?: string;
}): string {
  const secs = (t: number): number => Math.floor(t / 1000);
  const lines = [
    `AuthTokenGroups = "/${o.vo},/${o.vo}/pilot"`,
    `AuthTokenId = "${o.jti}"`,
    `AuthTokenIssuer = "${o.iss}"`,
    'AuthTokenScopes = "compute.create,compute.read,compute.modify,compute.cancel"',
    `AuthTokenSubject = "${o.sub}"`,
    `ClusterId = ${o.cluster}`,
    'Cmd = "glidein_startup.sh"',
    `CompletionDate = ${secs(o.end)}`,
    `GlobalJobId = "${o.globalJobId}"`,
    `JobStartDate = ${secs(o.start)}`,
    'JobStatus = 4',
    ...(o.remoteHost ? [`LastRemoteHost = "${o.remoteHost}"`] : []),
    `Owner = "${o.owner}"`,
    'ProcId = 0',
    `QDate = ${o.qdate}`,
    ...(o.remoteHost ? [`RemoteHost = "${o.remoteHost}"`] : []),
    ...(o.route ? [`RouteName = "${o.route}"`] : []),
    ...(o.routedFrom ? [`RoutedFromJobId = "${o.routedFrom}"`] : []),
    `User = "${o.owner}@users.htcondor.org"`,
    `*** ProcId = 0 ClusterId = ${o.cluster} Owner = "${o.owner}" CompletionDate = ${secs(o.end)}`,
  ];
  return lines.join('\n');
}

/** dCache WebDAV access line (NetLogger). */
export function dcacheLine(o: {
  method: string; url: string; code: number; ip: string; port: number; agent: string;
  sub?: string; jti?: string; op?: string; mapped: string; session: string; duration: number; reason?: string;
}): string {
  const level = o.code >= 400 ? 'WARN' : 'INFO';
  const who = o.sub ? ` user.sub=${o.sub}@${o.op} user.jti=${o.jti}@${o.op}` : '';
  const reason = o.reason ? ` response.reason="${o.reason}"` : '';
  const remote = o.ip.includes(':') ? `[${o.ip}]:${o.port}` : `${o.ip}:${o.port}`;
  return `level=${level} ts=${S} event=org.dcache.webdav.request session=${o.session} request.method=${o.method} request.url=${o.url} response.code=${o.code}${reason} socket.remote=${remote} user-agent=${o.agent}${who} user.mapped=${o.mapped} duration=${o.duration}`;
}

/** XRootD token session: login, scitokens_Access, disconnect (three lines at t, t, t+dur). */
export function xrootdSession(o: { thread: number; tident: string; login: string; sub: string; iss: string; vo: string; authz: string }): { login: string; token: string } {
  const th = String(o.thread).padStart(3, '0');
  return {
    login: `${S} ${th} XrootdXeq: ${o.tident} pub IPv4 TLSv1.3 login as ${o.login}`,
    token: `${S} ${th} scitokens_Access: New valid token mapped_username=${o.login}, subject=${o.sub}, issuer=${o.iss}, groups=/${o.vo}, authorizations=${o.authz}`,
  };
}

export function xrootdDisc(thread: number, tident: string, durS: number): string {
  const h = Math.floor(durS / 3600);
  const m = String(Math.floor((durS % 3600) / 60)).padStart(2, '0');
  const s = String(durS % 60).padStart(2, '0');
  return `${S} ${String(thread).padStart(3, '0')} XrootdXeq: ${tident} disc ${h}:${m}:${s}`;
}

/** IAM audit event (logback prefix + AUDIT JSON). */
export function iamAudit(thread: number, event: Record<string, unknown>): string {
  return `${S} [http-nio-8080-exec-${thread}] INFO  AUDIT - ${JSON.stringify(event)}`;
}

/** PanDA pilot log line. */
export function panda(level: 'INFO' | 'DEBUG' | 'WARNING' | 'ERROR', msg: string): string {
  return `${S} | ${level.padEnd(8)} | ${msg}`;
}

export function sshd(host: string, pid: number, msg: string): string {
  return `${S} ${host} sshd[${pid}]: ${msg}`;
}

export function apache(o: { ip: string; user?: string; method: string; path: string; status: number; bytes: number; ref?: string; agent: string; extra?: string }): string {
  const tail = o.extra ? ` ${o.extra}` : '';
  return `${o.ip} - ${o.user ?? '-'} ${S} "${o.method} ${o.path} HTTP/1.1" ${o.status} ${o.bytes} "${o.ref ?? '-'}" "${o.agent}"${tail}`;
}

export function dcacheSession(rng: Rng): string {
  return `door:webdav-se01@webdavDomain:AA${rng.alnum(18)}`;
}

export const DCACHE_BASE = 'https://se01.example-site.org:2880/pnfs/example-site.org/data';
