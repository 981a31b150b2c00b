/**
 * A small, realistic incident world as parsers emit it (events per src/model/EVENTS.md), for the
 * correlation, timeline, trace and findings tests. Hand-made, but every line has the shape of the
 * real log it stands for and every id field is set the way EVENTS.md says.
 *
 * The story (all times 2026-11-23 UTC):
 * - CE ce01 (192.0.2.10) accepts two CMS pilots from the factory 198.51.100.5 with the pilot token
 *   (sub cmspilot-sub): CE job 40117.0 → routed 40118.0 on wn042 slot1_3, CE job 40120.0 → routed
 *   40121.0 on wn043 slot1_1. wn042 (10.1.0.42) and wn043 (10.1.0.43) sit behind NAT 192.0.2.200.
 * - One ATLAS pilot 40130.0 → 40131.0 on wn050 (public 192.0.2.50, no NAT).
 * - PanDA pilots: wn042 runs alice's payload 6871234567 (13:10–14:30); wn043 runs bob's payload
 *   6871234999 (13:05–14:40); wn050 runs carol's payload 7000000001 (13:00–15:00).
 * - alice's token (jti JTI_ALICE) is issued by IAM to the PanDA client, used from the NAT IP to
 *   write at 13:20, printed into the pilot log at 13:11 (exposure), then used from 203.0.113.7 at
 *   14:05 (stolen: foreign IP) and again at 14:50 (after her payload ended). Her refresh token is
 *   redeemed at 14:00 from 203.0.113.7 by an unknown client.
 * - bob's token reads from the NAT IP at 13:21; a second token of alice's (JTI_ALICE2) turns up in
 *   bob's payload's stage-in line (cross-user).
 */
import type { TgEvent } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { TokenInfo } from '../../model/token';

export const ISS = 'https://cms-auth.example-iam.org/';
export const ISS_ATLAS = 'https://atlas-auth.example-iam.org/';
export const SUB_ALICE = '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11';
export const SUB_BOB = '0b0b0b0b-1111-4222-8333-444455556666';
export const SUB_CAROL = 'ca401ca4-0000-4000-8000-00000000ca40';
export const SUB_PILOT = 'cmspilot-5a7e-4c1d-9e2f-6b3a1c0d9e8f';
export const JTI_ALICE = '3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60';
export const JTI_ALICE2 = '9a9a9a9a-51a2-4d6f-8b3e-2a9c4d7e1f61';
export const JTI_BOB = 'b0b0c7e0-51a2-4d6f-8b3e-2a9c4d7e1f62';
export const JTI_CAROL = 'ca40c7e0-51a2-4d6f-8b3e-2a9c4d7e1f63';
export const JTI_PILOT = 'p1107000-51a2-4d6f-8b3e-2a9c4d7e1f64';

/** Fingerprints: SHA-256 hex of the (never stored) raw token. */
export const FP = {
  alice: '3f9a1c0d2b7e4a61'.padEnd(64, 'a'),
  alice2: '4e8b2d1c3a9f5b72'.padEnd(64, 'b'),
  bob: '5d7c3e2b4a8e6c83'.padEnd(64, 'c'),
  carol: '6c6d4f3a5b7d7d94'.padEnd(64, 'd'),
  pilot: '7b5e5a4b6c6c8ea5'.padEnd(64, 'e'),
  refresh: '8a4f6b5c7d5b9fb6'.padEnd(64, 'f'),
};

export const NAT_IP = '192.0.2.200';
export const THIEF_IP = '203.0.113.7';
export const FACTORY_IP = '198.51.100.5';

const DAY = '2026-11-23';
const CE_AUDIT = 'bundle.tar.gz!/ce01/var/log/condor-ce/AuditLog';
const CE_ROUTER = 'bundle.tar.gz!/ce01/var/log/condor-ce/JobRouterLog';
const CE_HISTORY = 'bundle.tar.gz!/ce01/var/lib/condor-ce/history';
const DCACHE = 'bundle.tar.gz!/se01/var/log/dcache/webdav-se01Domain.access';
const XROOTD = 'bundle.tar.gz!/xrd01/var/log/xrootd/xrootd.log';
const IAM = 'bundle.tar.gz!/iam/iam-login-service.log';
const FTS = 'bundle.tar.gz!/fts01/var/log/fts3/fts3server.log';
const NET_HOSTS = 'bundle.tar.gz!/net/hosts';
const NET_NAT = 'bundle.tar.gz!/net/nat-gateway.txt';

function jwt(fp: string): string {
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6InJzYTEifQ.eyJzdWIiOiJ4In0.[sig-redacted:${fp.slice(0, 16)}]`;
}

/** Builds events with deterministic ids `e<input>.<line>` in the order lines are added per input. */
export class WorldBuilder {
  readonly events: TgEvent[] = [];
  private readonly inputs = new Map<string, { index: number; line: number }>();

  add(input: string, parser: string, hhmmss: string, kind: TgEvent['kind'], ids: EventIds, text: string, summary?: string, severity?: TgEvent['severity']): TgEvent {
    let inp = this.inputs.get(input);
    if (!inp) {
      inp = { index: this.inputs.size, line: 0 };
      this.inputs.set(input, inp);
    }
    inp.line += 1;
    const iso = hhmmss.includes('T') ? hhmmss : `${DAY}T${hhmmss}Z`;
    const e: TgEvent = {
      id: `e${inp.index}.${inp.line}`,
      time: { ts: Date.parse(iso), text: iso },
      src: { input, line: inp.line, parser },
      kind,
      ids,
      text,
      ...(summary ? { summary } : {}),
      ...(severity ? { severity } : {}),
    };
    this.events.push(e);
    return e;
  }
}

function token(fp: string, iss: string, sub: string, jti: string, iat: string, exp: string, scope: string, groups: string[], aud = 'https://wlcg.cern.ch/jwt/v1/any'): TokenInfo {
  const iatS = Date.parse(`${DAY}T${iat}Z`) / 1000;
  const expS = Date.parse(exp.includes('T') ? exp : `${DAY}T${exp}Z`) / 1000;
  return {
    fp,
    kind: 'wlcg',
    redacted: jwt(fp),
    length: 812,
    header: { alg: 'RS256', kid: 'rsa1', typ: 'JWT' },
    claims: { iss, sub, jti, scope, aud, iat: iatS, exp: expS, 'wlcg.ver': '1.0', 'wlcg.groups': groups },
    iss,
    sub,
    aud: [aud],
    scopes: scope.split(' ').map((raw) => {
      const i = raw.indexOf(':');
      return i < 0 ? { raw, action: raw } : { raw, action: raw.slice(0, i), path: raw.slice(i + 1) };
    }),
    groups,
    jti,
    iat: iatS,
    exp: expS,
    lifetimeS: expS - iatS,
  };
}

export interface World {
  events: TgEvent[];
  tokens: TokenInfo[];
}

/** The world described in the header comment. */
export function buildWorld(): World {
  const w = new WorldBuilder();
  const ce = 'ce01.example-site.org';
  const wn42 = 'wn042.example-site.org';
  const wn43 = 'wn043.example-site.org';
  const wn50 = 'wn050.example-site.org';

  // Network context the site handed over.
  w.add(NET_HOSTS, 'netmap.hosts', '00:00:00', 'net.map', { ip: '10.1.0.42', host: wn42 }, `10.1.0.42 ${wn42} wn042`);
  w.add(NET_HOSTS, 'netmap.hosts', '00:00:00', 'net.map', { ip: '10.1.0.43', host: wn43 }, `10.1.0.43 ${wn43} wn043`);
  w.add(NET_HOSTS, 'netmap.hosts', '00:00:00', 'net.map', { ip: '192.0.2.50', host: wn50 }, `192.0.2.50 ${wn50} wn050`);
  w.add(NET_HOSTS, 'netmap.hosts', '00:00:00', 'net.map', { ip: '192.0.2.10', host: ce }, `192.0.2.10 ${ce} ce01`);
  w.add(NET_NAT, 'netmap.nat', '00:00:00', 'net.map', { ip: NAT_IP, host: wn42 }, `nat ${NAT_IP} ${DAY}T00:00:00Z 2026-11-24T00:00:00Z ${wn42},${wn43} # rack 4`, `${NAT_IP} ↔ ${wn42} valid ${DAY}T00:00:00Z/2026-11-24T00:00:00Z (NAT note)`);
  w.add(NET_NAT, 'netmap.nat', '00:00:00', 'net.map', { ip: NAT_IP, host: wn43 }, `nat ${NAT_IP} ${DAY}T00:00:00Z 2026-11-24T00:00:00Z ${wn42},${wn43} # rack 4`, `${NAT_IP} ↔ ${wn43} valid ${DAY}T00:00:00Z/2026-11-24T00:00:00Z (NAT note)`);

  // IAM issues tokens.
  const iamIds = (sub: string, user: string, jti: string, grant: string, ip: string, clientId: string): EventIds => ({ host: 'cms-auth.example-iam.org', iss: ISS, sub, user, jti, grantType: grant, ip, clientId });
  const iamLine = (type: string, user: string, sub: string, jti: string, grant: string, ip: string, client: string, t: string) =>
    `${DAY} ${t}.114 [http-nio-8080-exec-7] INFO  AUDIT - {"@type":"${type}","timestamp":${Date.parse(`${DAY}T${t}Z`)},"category":"TOKEN","principal":"${user}","grantType":"${grant}","clientId":"${client}","subject":"${sub}","tokenJti":"${jti}","source":"${ip}"}`;
  w.add(IAM, 'iam.audit', '12:55:00', 'token.issue', iamIds(SUB_PILOT, 'cmspilot', JTI_PILOT, 'client_credentials', FACTORY_IP, 'gwms-factory'), iamLine('AccessTokenIssuedEvent', 'cmspilot', SUB_PILOT, JTI_PILOT, 'client_credentials', FACTORY_IP, 'gwms-factory', '12:55:00'));
  w.add(IAM, 'iam.audit', '13:08:00', 'token.issue', iamIds(SUB_ALICE, 'alice', JTI_ALICE, 'authorization_code', FACTORY_IP, 'panda-client'), iamLine('AccessTokenIssuedEvent', 'alice', SUB_ALICE, JTI_ALICE, 'authorization_code', FACTORY_IP, 'panda-client', '13:08:00'));
  w.add(IAM, 'iam.audit', '13:04:00', 'token.issue', iamIds(SUB_BOB, 'bob', JTI_BOB, 'authorization_code', FACTORY_IP, 'panda-client'), iamLine('AccessTokenIssuedEvent', 'bob', SUB_BOB, JTI_BOB, 'authorization_code', FACTORY_IP, 'panda-client', '13:04:00'));
  w.add(IAM, 'iam.audit', '14:00:00', 'token.refresh', iamIds(SUB_ALICE, 'alice', JTI_ALICE2, 'refresh_token', THIEF_IP, 'evil-client'), iamLine('AccessTokenIssuedEvent', 'alice', SUB_ALICE, JTI_ALICE2, 'refresh_token', THIEF_IP, 'evil-client', '14:00:00'));

  // CE: the factory submits two CMS pilots and one ATLAS pilot with the pilot token.
  const submit = (cid: number, job: string, t: string, line: string) => {
    w.add(CE_AUDIT, 'htcondor.auditlog', t, 'token.use', { host: ce, session: `cid:${cid}`, ip: FACTORY_IP, sub: SUB_PILOT, iss: ISS, jti: JTI_PILOT, user: 'cmspilot', vo: 'cms' },
      `11/23/26 ${t} (cid:${cid}) (D_AUDIT) Examining SciToken with payload {"iss":"${ISS}","sub":"${SUB_PILOT}","jti":"${JTI_PILOT}","wlcg.groups":["/cms/pilot"]}`);
    w.add(CE_AUDIT, 'htcondor.auditlog', t, 'job.submit', { host: ce, session: `cid:${cid}`, ip: FACTORY_IP, ceJobId: job, user: 'cmspilot', vo: 'cms' }, `11/23/26 ${t} (cid:${cid}) ${line}`);
  };
  submit(88412, '40117.0', '12:58:01', 'Submitting new job 40117.0');
  submit(88413, '40120.0', '12:58:30', 'Submitting new job 40120.0');
  w.add(CE_AUDIT, 'htcondor.auditlog', '12:59:00', 'job.submit', { host: ce, session: 'cid:88414', ip: '198.51.100.6', ceJobId: '40130.0', user: 'atlpilot', vo: 'atlas' }, '11/23/26 12:59:00 (cid:88414) Submitting new job 40130.0');
  const route = (src: string, dest: string, t: string) =>
    w.add(CE_ROUTER, 'htcondor.jobrouter', t, 'job.route', { host: ce, ceJobId: src, batchJobId: dest }, `11/23/26 ${t} JobRouter (src=${src},route=Local_Condor): submitted job (dest=${dest})`);
  route('40117.0', '40118.0', '12:58:05');
  route('40120.0', '40121.0', '12:58:35');
  route('40130.0', '40131.0', '12:59:05');
  const hist = (src: string, own: string, wn: string, slot: string, t: string, jti?: string) =>
    w.add(CE_HISTORY, 'htcondor.history', t, 'job.record', { ceJobId: src, batchJobId: own, globalJobId: `${ce}#${own}#1795438680`, user: jti ? 'cmspilot' : 'atlpilot', workerNode: wn, slot, ...(jti ? { jti, sub: SUB_PILOT, iss: ISS } : {}) },
      `ClusterId = ${own.split('.')[0]}  RoutedFromJobId = "${src}"  RemoteHost = "${slot}@${wn}"${jti ? `  AuthTokenId = "${jti}"` : ''}`);
  hist('40117.0', '40118.0', wn42, 'slot1_3', '15:10:00', JTI_PILOT);
  hist('40120.0', '40121.0', wn43, 'slot1_1', '15:10:01', JTI_PILOT);
  hist('40130.0', '40131.0', wn50, 'slot1_1', '15:10:02');

  // Worker nodes: StarterLog and PanDA pilot logs.
  const starter = (wn: string, slot: string, own: string, t0: string, t1: string) => {
    const input = `bundle.tar.gz!/${wn.split('.')[0]}/var/log/condor/StarterLog.${slot}`;
    w.add(input, 'htcondor.starterlog', t0, 'job.start', { host: wn, slot, batchJobId: own, globalJobId: `${ce}#${own}#1795438680` }, `11/23/26 ${t0} Starting a VANILLA universe job with ID: ${own}`);
    w.add(input, 'htcondor.starterlog', t1, 'job.end', { host: wn, slot, batchJobId: own, globalJobId: `${ce}#${own}#1795438680` }, `11/23/26 ${t1} Job ${own} terminated: exited with status 0`);
  };
  starter(wn42, 'slot1_3', '40118.0', '13:00:10', '14:45:00');
  starter(wn43, 'slot1_1', '40121.0', '13:00:20', '14:50:00');
  starter(wn50, 'slot1_1', '40131.0', '12:59:50', '15:05:00');

  const pilotLog = (wn: string, ip: string, pilotId: string, own: string, vo: string, payload: string, user: string, sub: string, t0: string, tp0: string) => {
    const input = `bundle.tar.gz!/${wn.split('.')[0]}/pilot/pilotlog.txt`;
    const base = { host: wn, ip, pilotId, vo };
    w.add(input, 'panda.pilot', t0, 'pilot.start', { ...base, globalJobId: `${ce}#${own}#1795438680` }, `${DAY} ${t0},001 | INFO     | pilot ${pilotId} started on ${wn} (${ip}), GlobalJobId ${ce}#${own}#1795438680`);
    w.add(input, 'panda.pilot', tp0, 'payload.start', { ...base, payloadId: payload, user }, `${DAY} ${tp0},221 | INFO     | PanDA job id: ${payload} prodUserID: ${user}`);
    w.add(input, 'panda.pilot', tp0, 'log', { ...base, payloadId: payload, user, sub }, `${DAY} ${tp0},230 | INFO     | payload token subject ${sub}`);
    return { input, base };
  };
  const p42 = pilotLog(wn42, '10.1.0.42', 'pilot-wn042-a', '40118.0', 'cms', '6871234567', 'alice', SUB_ALICE, '13:00:30', '13:10:04');
  w.add(p42.input, 'panda.pilot', '13:11:00', 'token.exposure', { host: wn42, tokenFps: [FP.alice] }, `${DAY} 13:11:00,000 | DEBUG    | env BEARER_TOKEN=${jwt(FP.alice)}`, 'token printed into the pilot log', 'high');
  w.add(p42.input, 'panda.pilot', '14:30:00', 'payload.end', { ...p42.base, payloadId: '6871234567', user: 'alice' }, `${DAY} 14:30:00,500 | INFO     | payload 6871234567 finished with exit code 0`);
  const p43 = pilotLog(wn43, '10.1.0.43', 'pilot-wn043-a', '40121.0', 'cms', '6871234999', 'bob', SUB_BOB, '13:00:40', '13:05:00');
  w.add(p43.input, 'panda.pilot', '13:06:00', 'log', { ...p43.base, payloadId: '6871234999', tokenFps: [FP.alice2], jti: JTI_ALICE2 }, `${DAY} 13:06:00,000 | INFO     | stage-in 6871234999 with BEARER_TOKEN_FILE content ${jwt(FP.alice2)}`);
  w.add(p43.input, 'panda.pilot', '14:40:00', 'payload.end', { ...p43.base, payloadId: '6871234999', user: 'bob' }, `${DAY} 14:40:00,500 | INFO     | payload 6871234999 finished with exit code 0`);
  const p50 = pilotLog(wn50, '192.0.2.50', 'pilot-wn050-a', '40131.0', 'atlas', '7000000001', 'carol', SUB_CAROL, '13:00:00', '13:00:30');
  w.add(p50.input, 'panda.pilot', '15:00:00', 'payload.end', { ...p50.base, payloadId: '7000000001', user: 'carol' }, `${DAY} 15:00:00,500 | INFO     | payload 7000000001 finished with exit code 0`);

  // Storage: dCache (token jti/sub), XRootD (mapped user), FTS.
  const dc = (t: string, ip: string, sub: string, jti: string, method: string, op: string, path: string, code: string) =>
    w.add(DCACHE, 'dcache.access', t, 'storage.access', { host: 'se01.example-site.org', ip, sub, jti, op, endpoint: path, status: code },
      `level=INFO ts=${DAY}T${t}.512Z event=org.dcache.webdav.request request.method=${method} request.url=https://se01.example-site.org:2880${path} response.code=${code} socket.remote=${ip}:40022 user.sub=${sub}@${op} user.jti=${jti}@${op}`,
      `${method} ${path} from ${ip}`);
  dc('13:20:00', NAT_IP, SUB_ALICE, JTI_ALICE, 'PUT', 'write', '/pnfs/example-site.org/data/cms/store/user/alice/out.root', '201');
  dc('13:21:00', NAT_IP, SUB_BOB, JTI_BOB, 'GET', 'read', '/pnfs/example-site.org/data/cms/store/user/bob/in.root', '200');
  dc('14:05:41', THIEF_IP, SUB_ALICE, JTI_ALICE, 'PUT', 'write', '/pnfs/example-site.org/data/cms/store/user/alice/evil.root', '201');
  dc('14:50:00', THIEF_IP, SUB_ALICE, JTI_ALICE, 'DELETE', 'delete', '/pnfs/example-site.org/data/cms/store/user/alice/out.root', '204');
  w.add(XROOTD, 'xrootd', '13:30:00', 'storage.access', { host: 'xrd01.example-site.org', ip: '192.0.2.50', session: 'atlprd.1234:27@wn050', sub: SUB_CAROL, iss: ISS_ATLAS, user: 'carol', endpoint: '/atlas/rucio/user/carol/data.root', op: 'read' },
    `231123 13:30:00 1234 XrootdXeq: atlprd.1234:27@wn050 pub IP4 login as carol subject=${SUB_CAROL} issuer=${ISS_ATLAS} open /atlas/rucio/user/carol/data.root`);
  w.add(FTS, 'fts', '13:40:00', 'transfer', { host: 'fts01.example-site.org', transferJobId: 'a1b2c3d4-0000-1111-2222-333344445555', transferFileId: '77', vo: 'cms', iss: ISS, endpoint: 'davs://se01.example-site.org:2880/pnfs/example-site.org/data/cms/store/user/bob/copy.root' },
    `INFO    Mon, 23 Nov 2026 13:40:00 +0000; Transfer accepted: job a1b2c3d4-0000-1111-2222-333344445555 file 77`);

  const tokens = [
    token(FP.alice, ISS, SUB_ALICE, JTI_ALICE, '13:08:00', '2026-11-30T13:08:00Z', 'storage.modify:/store/user/alice storage.read:/', ['/cms']),
    token(FP.alice2, ISS, SUB_ALICE, JTI_ALICE2, '13:00:00', '17:00:00', 'storage.read:/', ['/cms']),
    token(FP.bob, ISS, SUB_BOB, JTI_BOB, '13:04:00', '17:04:00', 'storage.read:/', ['/cms']),
    token(FP.pilot, ISS, SUB_PILOT, JTI_PILOT, '12:55:00', '18:55:00', 'compute.create compute.read compute.modify compute.cancel', ['/cms/pilot']),
  ];
  return { events: w.events, tokens };
}
