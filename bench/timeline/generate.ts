/**
 * Seeded synthetic case for the timeline benchmark: a realistic mix of CE, router, history,
 * StarterLog, pilot, IAM, dCache and exposure events over ~2 days, with NAT'd worker nodes, shaped
 * like EVENTS.md. Not a scenario (no story): volume and id fan-out like a busy site.
 * Identifier strings are flattened as they are made: events from parsers (regex slices) and from
 * case files (JSON.parse) hold flat strings, while a template literal here is a rope whose first
 * hash and every comparison walk its pieces (it made the first pass over the ids 2.7× dearer per
 * event than on a real 316k-event case).
 */
import type { TgEvent } from '../../src/model/event';
import type { EventIds } from '../../src/model/ids';
import type { TokenInfo } from '../../src/model/token';
import { flat } from '../../src/correlate/graph';
import { rng } from '../common/rng';

const T0 = Date.parse('2026-11-22T00:00:00Z');
const ISS = 'https://cms-auth.example-iam.org/';

export interface Synthetic {
  events: TgEvent[];
  tokens: TokenInfo[];
  /** Sample identifiers for pivots. */
  samples: { tokens: string[]; ips: string[]; pilots: string[]; users: string[]; hosts: string[] };
}

export function generate(target: number, seed = 7): Synthetic {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const events: TgEvent[] = [];
  const tokens: TokenInfo[] = [];
  const lines = new Map<string, number>();
  const inputIdx = new Map<string, number>();
  const add = (input: string, parser: string, ts: number, kind: TgEvent['kind'], ids: EventIds, text: string) => {
    const line = (lines.get(input) ?? 0) + 1;
    lines.set(input, line);
    let ii = inputIdx.get(input);
    if (ii === undefined) {
      ii = inputIdx.size;
      inputIdx.set(input, ii);
    }
    for (const k of Object.keys(ids) as Array<keyof EventIds>) if (typeof ids[k] === 'string') flat(ids[k]);
    events.push({ id: flat(`e${ii}.${line}`), time: { ts, text: new Date(ts).toISOString() }, src: { input, line, parser }, kind, ids, text });
  };
  const nodes = 2000;
  const natIps = Array.from({ length: 20 }, (_, i) => `192.0.2.${100 + i}`);
  const users = Array.from({ length: 500 }, (_, i) => `user${String(i).padStart(3, '0')}`);
  const subOf = (u: string) => `5ab${u.slice(4)}0000-1111-4222-8333-444455556666`;
  for (let n = 0; n < nodes; n++) {
    const host = `wn${String(n).padStart(4, '0')}.example-site.org`;
    add('net/hosts', 'netmap.hosts', 0, 'net.map', { ip: `10.${n >> 8}.${n & 255}.1`, host }, `10.${n >> 8}.${n & 255}.1 ${host}`);
    const nat = natIps[n % natIps.length]!;
    add('net/nat-notes.txt', 'netmap.nat', T0, 'net.map', { ip: nat, host }, `nat ${nat} 2026-11-22T00:00:00Z open ${host}`);
    events[events.length - 1]!.summary = `${nat} ↔ ${host} valid 2026-11-22T00:00:00Z/open (NAT note)`;
  }
  const ce = 'ce01.example-site.org';
  let job = 40000;
  let cid = 80000;
  let panda = 6800000000;
  const samples: Synthetic['samples'] = { tokens: [], ips: natIps.slice(0, 5), pilots: [], users: users.slice(0, 5), hosts: [] };
  while (events.length < target) {
    const start = T0 + Math.floor(r() * 46 * 3600_000);
    const dur = 600_000 + Math.floor(r() * 6 * 3600_000);
    const n = Math.floor(r() * nodes);
    const host = `wn${String(n).padStart(4, '0')}.example-site.org`;
    const ip = `10.${n >> 8}.${n & 255}.1`;
    const nat = natIps[n % natIps.length]!;
    const ceJob = `${job}.0`;
    const batch = `${job + 1}.0`;
    job += 2;
    const gjid = `${ce}#${batch}#1795300000`;
    const pilotId = `pilot-${job}`;
    cid++;
    add('ce01/AuditLog', 'htcondor.auditlog', start - 60_000, 'token.use', { host: ce, session: `cid:${cid}`, ip: '198.51.100.5', sub: 'cmspilot', iss: ISS, jti: 'pilot-jti-1', user: 'cmspilot', vo: 'cms' }, `(cid:${cid}) Examining SciToken with payload {"sub":"cmspilot"}`);
    add('ce01/AuditLog', 'htcondor.auditlog', start - 60_000, 'job.submit', { host: ce, session: `cid:${cid}`, ip: '198.51.100.5', ceJobId: ceJob, user: 'cmspilot', vo: 'cms' }, `(cid:${cid}) Submitting new job ${ceJob}`);
    add('ce01/JobRouterLog', 'htcondor.jobrouter', start - 55_000, 'job.route', { host: ce, ceJobId: ceJob, batchJobId: batch }, `JobRouter (src=${ceJob},route=Local_Condor): submitted job (dest=${batch})`);
    add(`${host}/StarterLog.slot1_1`, 'htcondor.starterlog', start, 'job.start', { host, slot: 'slot1_1', batchJobId: batch, globalJobId: gjid }, `Starting a VANILLA universe job with ID: ${batch}`);
    add(`${host}/pilotlog.txt`, 'panda.pilot', start + 5000, 'pilot.start', { host, ip, pilotId, globalJobId: gjid, vo: 'cms' }, `pilot ${pilotId} started, GlobalJobId ${gjid}`);
    const user = pick(users);
    const sub = subOf(user);
    const payload = String(panda++);
    const jti = `jti-${payload}`;
    const fp = `${payload.padStart(16, '0')}`.padEnd(64, 'a');
    tokens.push({ fp, kind: 'wlcg', redacted: `eyJ..[sig-redacted:${fp.slice(0, 16)}]`, length: 800, iss: ISS, sub, aud: ['https://wlcg.cern.ch/jwt/v1/any'], scopes: [{ raw: 'storage.read:/', action: 'storage.read', path: '/' }], groups: ['/cms'], jti, iat: Math.floor(start / 1000), exp: Math.floor((start + dur) / 1000) + 3600 });
    add('iam/iam-login-service.log', 'iam.audit', start - 120_000, 'token.issue', { host: 'cms-auth.example-iam.org', iss: ISS, sub, user, jti, ip: '198.51.100.5', clientId: 'panda-client', grantType: 'authorization_code' }, `{"@type":"AccessTokenIssuedEvent","principal":"${user}","tokenJti":"${jti}"}`);
    add(`${host}/pilotlog.txt`, 'panda.pilot', start + 10_000, 'payload.start', { host, ip, pilotId, payloadId: payload, user, sub, vo: 'cms' }, `PanDA job id: ${payload} prodUserID: ${user}`);
    const accesses = 10 + Math.floor(r() * 40);
    for (let k = 0; k < accesses; k++) {
      const ts = start + 10_000 + Math.floor(r() * (dur - 20_000));
      const op = r() < 0.8 ? 'read' : 'write';
      add('se01/webdav.access', 'dcache.access', ts, 'storage.access', { host: 'se01.example-site.org', ip: nat, sub, jti, op, endpoint: `/pnfs/example-site.org/data/cms/store/user/${user}/f${k}.root`, status: '200' }, `request.method=${op === 'read' ? 'GET' : 'PUT'} socket.remote=${nat}:4000 user.sub=${sub} user.jti=${jti} f${k}.root`);
    }
    if (r() < 0.01) add(`${host}/pilotlog.txt`, 'panda.pilot', start + 20_000, 'token.exposure', { host, tokenFps: [fp] }, `env BEARER_TOKEN=eyJ..[sig-redacted:${fp.slice(0, 16)}]`);
    add(`${host}/pilotlog.txt`, 'panda.pilot', start + dur - 5000, 'payload.end', { host, ip, pilotId, payloadId: payload, user, vo: 'cms' }, `payload ${payload} finished`);
    add(`${host}/StarterLog.slot1_1`, 'htcondor.starterlog', start + dur, 'job.end', { host, slot: 'slot1_1', batchJobId: batch, globalJobId: gjid }, `Job ${batch} terminated`);
    add('ce01/history', 'htcondor.history', start + dur + 1000, 'job.record', { ceJobId: ceJob, batchJobId: batch, globalJobId: gjid, user: 'cmspilot', workerNode: host, slot: 'slot1_1' }, `RoutedFromJobId = "${ceJob}" RemoteHost = "slot1_1@${host}"`);
    if (samples.tokens.length < 20 && r() < 0.05) {
      samples.tokens.push(`token:${fp}`);
      samples.pilots.push(pilotId);
      samples.hosts.push(host);
    }
  }
  return { events, tokens, samples };
}
