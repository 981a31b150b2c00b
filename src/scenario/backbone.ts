/**
 * Writes the fixed cast (world.ts) into the bundle: for every atlas pilot the CE submission chain
 * (AuditLog cid → job id, JobRouterLog src→dest, history ads), the worker node's StartLog and
 * StarterLog, the PanDA pilotlog.txt, the payloads' storage traffic (dCache, XRootD) and the IAM
 * events that issued their tokens. Scenarios then add their incident on top.
 */
import { DCACHE_BASE, auditSubmit, dcacheLine, dcacheSession, historyAd, iamAudit, panda, pilotTokenJson, routerLines, xrootdDisc, xrootdSession } from './lines';
import { SRC, pilotSource, wnSource } from './layout';
import type { Rng } from './prng';
import { type Bundle, STAMP as S } from './sink';
import type { Payload, Pilot, World } from './world';

const MIN = 60_000;
export const PANDA_SERVER_IP = '198.51.100.70';
export const PANDA_CLIENT_ID = 'a1b2c3d4-0000-4000-8000-0000pandasrv';
export const FACTORY_CLIENT_ID = 'f0f0f0f0-1111-4222-8333-00000factory';

/** Where a pilot's sandbox (and pilotlog.txt) lives on its worker node. */
export function pilotDir(p: Pilot): string {
  return `dir_${p.batchJobId.split('.')[0]}/PanDA_Pilot-${p.factoryJob.replace('.', '_')}`;
}

export function pilotLogId(b: Bundle, p: Pilot): string {
  return pilotSource(b, p.wn, pilotDir(p));
}

/** The node's own address as the pilot sees it (private behind NAT). */
export function nodeIp(p: Pilot): string {
  return p.wn.privateIp ?? p.wn.ip;
}

export function writeCast(b: Bundle, w: World, rng: Rng): void {
  for (const p of w.pilots) writePilot(b, w, rng.fork(p.key), p);
}

function writePilot(b: Bundle, w: World, rng: Rng, p: Pilot): void {
  const q = p.qdate * 1000;
  const vo = w.atlas;
  const iat = q - 2 * MIN;
  b.add(SRC.iam, iat, iamAudit(rng.int(1, 40), {
    '@type': 'AccessTokenIssuedEvent', timestamp: iat + w.iam.skewMs, category: 'TOKEN', principal: 'atlas-pilot-factory',
    message: 'Issue access token', grantType: 'client_credentials', clientId: FACTORY_CLIENT_ID, source: p.factory.ip,
    scope: 'compute.create compute.read compute.modify compute.cancel', subject: vo.pilotSub, tokenJti: p.pilotTokenJti,
  }));
  const cid = rng.int(10_000, 99_999);
  b.add(SRC.audit, q, auditSubmit({
    cid, ip: p.factory.ip, port: rng.int(30_000, 60_000), alias: p.factory.fqdn,
    payloadJson: pilotTokenJson({ aud: `condor://${w.ce.fqdn}:9619`, exp: iat + 60 * MIN, iat, iss: vo.iss, jti: p.pilotTokenJti, sub: vo.pilotSub, vo: vo.name }),
    iss: vo.iss, sub: vo.pilotSub, condorId: `${vo.pilotAccount}@users.htcondor.org`, jobId: p.ceJobId,
  }));
  b.add(SRC.sched, q + 400, `${S} (D_SECURITY) Mapped SCITOKENS authenticated identity '${vo.iss},${vo.pilotSub}' to ${vo.pilotAccount}`);
  const r = routerLines(p.ceJobId, p.batchJobId, 'Local_Condor');
  b.add(SRC.router, q + 5_000, r.claimed);
  b.add(SRC.router, q + 8_000, r.submitted);
  b.add(SRC.router, p.end + MIN, r.finalized);
  const common = { owner: vo.pilotAccount, qdate: p.qdate, start: p.start, end: p.end, iss: vo.iss, sub: vo.pilotSub, jti: p.pilotTokenJti, vo: vo.name };
  b.add(SRC.history, p.end + MIN, historyAd({ ...common, cluster: Number(p.ceJobId.split('.')[0]), globalJobId: `${w.ce.fqdn}#${p.ceJobId}#${p.qdate}` }));
  b.add(SRC.history, p.end + MIN + 1, historyAd({ ...common, cluster: Number(p.batchJobId.split('.')[0]), globalJobId: p.globalJobId, remoteHost: `${p.slot}@${p.wn.fqdn}`, routedFrom: p.ceJobId, route: 'Local_Condor' }));
  b.add(SRC.sched, p.start - 2_000, `${S} Starting add_shadow_birthdate(${p.batchJobId})`);
  b.add(SRC.sched, p.start - 1_000, `${S} Started shadow for job ${p.batchJobId} on ${p.slot}@${p.wn.fqdn} <${p.wn.ip}:9618?addrs=${p.wn.ip}-9618&alias=${p.wn.fqdn}> for ${vo.pilotAccount}, (shadow pid = ${rng.int(100_000, 999_999)})`);
  b.add(SRC.sched, p.end + 2_000, `${S} Shadow pid ${rng.int(100_000, 999_999)} for job ${p.batchJobId} exited with status 100`);

  const start = wnSource(b, p.wn, 'StartLog');
  b.add(start, p.start - 500, `${S} ${p.slot}: Got activate_claim request from shadow (${w.ce.ip})`);
  b.add(start, p.start, `${S} ${p.slot}: Remote job ID is ${p.batchJobId}`);
  b.add(start, p.start + 200, `${S} ${p.slot}: Changing activity: Idle -> Busy`);
  b.add(start, p.end, `${S} ${p.slot}: Called deactivate_claim_forcibly()`);
  b.add(start, p.end + 300, `${S} ${p.slot}: Changing activity: Busy -> Idle`);
  const starter = wnSource(b, p.wn, `StarterLog.${p.slot}`);
  b.add(starter, p.start + 300, `${S} (pid:${rng.int(2000, 60_000)}) ******************************************************\n${S} (pid:${rng.int(2000, 60_000)}) ** condor_starter (CONDOR_STARTER) STARTING UP`);
  b.add(starter, p.start + 900, `${S} Submitting machine is "${w.ce.fqdn}"`);
  b.add(starter, p.start + 1000, `${S} Starting a VANILLA universe job with ID: ${p.batchJobId}`);
  b.add(starter, p.start + 1100, `${S} GlobalJobId = "${p.globalJobId}", Owner = "${vo.pilotAccount}"`);
  b.add(starter, p.end - 500, `${S} Process exited, pid=${rng.int(2000, 60_000)}, status=0`);
  b.add(starter, p.end, `${S} **** condor_starter (condor_STARTER) pid ${rng.int(2000, 60_000)} EXITING WITH STATUS 0`);

  const log = pilotLogId(b, p);
  b.add(log, p.start + 5_000, panda('INFO', `pilot id: ${p.pilotId}|htcondor|PR|3.9.2.41`));
  b.add(log, p.start + 5_100, panda('INFO', `running on host: ${p.wn.fqdn} (${nodeIp(p)})`));
  b.add(log, p.start + 5_200, panda('INFO', `batch system job id: ${p.batchJobId} (GlobalJobId ${p.globalJobId})`));
  b.add(log, p.start + 5_300, panda('INFO', `pilot factory: ${p.factory.fqdn}, queue: EXAMPLE_SITE_UCORE, VO: ${vo.name}`));
  for (const pl of p.payloads) writePayload(b, w, rng.fork(pl.pandaId), p, pl, log);
  b.add(log, p.end - 20_000, panda('INFO', 'no more jobs, pilot is exiting'));
}

function writePayload(b: Bundle, w: World, rng: Rng, p: Pilot, pl: Payload, log: string): void {
  const vo = w.atlas;
  b.add(SRC.iam, pl.tokenIat, iamAudit(rng.int(1, 40), {
    '@type': 'AccessTokenIssuedEvent', timestamp: pl.tokenIat + w.iam.skewMs, category: 'TOKEN', principal: pl.user.name,
    message: 'Issue access token', grantType: 'urn:ietf:params:oauth:grant-type:token-exchange', clientId: PANDA_CLIENT_ID, source: PANDA_SERVER_IP,
    scope: payloadScope(pl), subject: pl.user.sub, tokenJti: pl.tokenJti,
  }));
  b.add(log, pl.start, panda('INFO', `PanDA job id: ${pl.pandaId}`));
  b.add(log, pl.start + 50, panda('INFO', `prodUserID: ${pl.user.name}`));
  b.add(log, pl.start + 80, panda('INFO', `payload token: iss=${vo.iss} sub=${pl.user.sub} jti=${pl.tokenJti} (file /tmp/bt_u${pl.user.uid})`));
  b.add(log, pl.start + 120, panda('INFO', `executing payload: runGen.py --inputEVNTFile ${pl.inPath.split('/').pop()} (user ${pl.user.name})`));
  const agent = 'gfal2-util/1.8.1';
  const ip = p.wn.ip;
  b.add(SRC.dcache, pl.start + 2 * MIN, dcacheLine({
    method: 'GET', url: `${DCACHE_BASE}/atlas${pl.inPath}`, code: 200, ip, port: rng.int(30_000, 60_000), agent,
    sub: pl.user.sub, jti: pl.tokenJti, op: vo.opAlias, mapped: `${pl.user.uid}:41000`, session: dcacheSession(rng), duration: rng.int(300, 9000),
  }));
  const th = rng.int(100, 3000);
  const tident = `${pl.user.name}.${rng.int(1000, 60_000)}:${rng.int(20, 200)}@${p.wn.fqdn}`;
  const xs = xrootdSession({ thread: th, tident, login: `atlas${String(pl.user.uid - 41000).padStart(3, '0')}`, sub: pl.user.sub, iss: vo.iss, vo: vo.name, authz: `/atlasdatadisk:read,stat;/atlasscratchdisk/user/${pl.user.name}:create,mkdir,update,stat` });
  const xt = pl.start + 5 * MIN;
  b.add(SRC.xrootd, xt, xs.login);
  b.add(SRC.xrootd, xt + 20, xs.token);
  b.add(SRC.xrootd, xt + 95_000, xrootdDisc(th, tident, 95));
  b.add(SRC.dcache, pl.end - 3 * MIN, dcacheLine({
    method: 'PUT', url: `${DCACHE_BASE}/atlas${pl.outPath}`, code: 201, ip, port: rng.int(30_000, 60_000), agent,
    sub: pl.user.sub, jti: pl.tokenJti, op: vo.opAlias, mapped: `${pl.user.uid}:41000`, session: dcacheSession(rng), duration: rng.int(300, 9000),
  }));
  b.add(log, pl.end, panda('INFO', `payload ${pl.pandaId} finished with exit code 0`));
}

export function payloadScope(pl: Payload): string {
  return `storage.read:/atlasdatadisk storage.create:/atlasscratchdisk/user/${pl.user.name}`;
}

export function payloadAud(w: World): string {
  return `https://${w.se.fqdn}`;
}
