/**
 * The fictional world every scenario shares: one site (HTCondor-CE, dCache, XRootD, worker nodes,
 * some behind a NAT gateway), the VO `atlas` with its IAM issuer, a background VO `cms`, pilot
 * factories (one run by a third party), users and the fixed "cast" of atlas pilots and payloads
 * the answers are about. Only reserved names and documentation address ranges are used.
 */
import type { Rng } from './prng';

export const DAY_MS = 86_400_000;
/** The bundle covers three UTC days; incidents happen on the last one. */
export const WINDOW_START = Date.UTC(2026, 10, 21);
export const WINDOW_END = WINDOW_START + 3 * DAY_MS;
export const INCIDENT_DAY = WINDOW_START + 2 * DAY_MS;

export type Difficulty = 'easy' | 'normal' | 'hard';

export interface Host {
  fqdn: string;
  short: string;
  /** Address other services see (the NAT gateway's for hosts behind NAT). */
  ip: string;
  /** Own private address when behind NAT. */
  privateIp?: string;
  /** UTC offset of the host's local clock, minutes. */
  offMin: number;
  /** How far the host's clock is off, ms (added to true time when it logs). */
  skewMs: number;
}

export interface User {
  name: string;
  uid: number;
  sub: string;
  vo: string;
}

export interface Vo {
  name: string;
  iss: string;
  kid: string;
  /** dCache's op alias for the issuer (`user.sub=<sub>@<alias>`). */
  opAlias: string;
  pilotSub: string;
  pilotAccount: string;
}

export interface Payload {
  pandaId: string;
  user: User;
  start: number;
  end: number;
  tokenJti: string;
  tokenIat: number;
  tokenExp: number;
  /** Input and output paths (VO-relative) the payload reads and writes. */
  inPath: string;
  outPath: string;
}

export interface Pilot {
  key: string;
  factory: Host;
  factoryJob: string;
  pilotId: string;
  ceJobId: string;
  batchJobId: string;
  globalJobId: string;
  qdate: number;
  wn: Host;
  slot: string;
  start: number;
  end: number;
  pilotTokenJti: string;
  payloads: Payload[];
}

export interface World {
  difficulty: Difficulty;
  atlas: Vo;
  cms: Vo;
  ce: Host;
  se: Host;
  xrd: Host;
  ui: Host;
  www: Host;
  iam: Host;
  fts: Host;
  factory: Host;
  factory3p: Host;
  natGw: Host;
  /** Worker nodes the cast runs on (logs collected) and background worker nodes. */
  wn017: Host;
  wn018: Host;
  natWn1: Host;
  natWn2: Host;
  noiseWns: Host[];
  atlasUsers: User[];
  cmsUsers: User[];
  pilots: Pilot[];
  /** The attacker's address for scenarios that have one. */
  attackerIp: string;
}

const SKEW_MAX_MS: Record<Difficulty, number> = { easy: 3_000, normal: 25_000, hard: 75_000 };

function host(rng: Rng, d: Difficulty, short: string, domain: string, ip: string, extra: Partial<Host> = {}): Host {
  const max = SKEW_MAX_MS[d];
  const skewMs = Math.round((rng.next() * 2 - 1) * max);
  return { fqdn: `${short}.${domain}`, short, ip, offMin: 60, skewMs, ...extra };
}

function user(rng: Rng, name: string, uid: number, vo: string): User {
  return { name, uid, sub: rng.uuid(), vo };
}

/** Minutes after the incident day's midnight (UTC), jittered by a few minutes. */
function at(rng: Rng, hour: number, minute: number): number {
  return INCIDENT_DAY + (hour * 60 + minute) * 60_000 + rng.int(0, 240) * 1000;
}

export function buildWorld(rng: Rng, difficulty: Difficulty): World {
  const h = rng.fork('hosts');
  const site = 'example-site.org';
  const vo = 'example-vo.org';
  const ce = host(h, difficulty, 'ce01', site, '192.0.2.10');
  const natGw = host(h, difficulty, 'nat01', site, '192.0.2.250');
  const world: World = {
    difficulty,
    atlas: { name: 'atlas', iss: 'https://atlas-auth.example-iam.org/', kid: 'atlas-test-2026', opAlias: 'atlas', pilotSub: h.uuid(), pilotAccount: 'atlaspilot' },
    cms: { name: 'cms', iss: 'https://cms-auth.example-iam.org/', kid: 'cms-test-2026', opAlias: 'cms', pilotSub: h.uuid(), pilotAccount: 'cmspilot' },
    ce,
    se: host(h, difficulty, 'se01', site, '192.0.2.20'),
    xrd: host(h, difficulty, 'xrd01', site, '192.0.2.21'),
    ui: host(h, difficulty, 'ui01', site, '192.0.2.30'),
    www: host(h, difficulty, 'www', site, '192.0.2.40'),
    iam: { ...host(h, difficulty, 'atlas-auth', 'example-iam.org', '198.51.100.80'), offMin: 0 },
    fts: host(h, difficulty, 'fts01', vo, '198.51.100.60'),
    factory: { ...host(h, difficulty, 'factory01', vo, '198.51.100.23'), offMin: 0 },
    factory3p: { ...host(h, difficulty, 'gfactory-partner', vo, '198.51.100.45'), offMin: 0 },
    natGw,
    wn017: host(h, difficulty, 'wn017', site, '192.0.2.117'),
    wn018: host(h, difficulty, 'wn018', site, '192.0.2.118'),
    natWn1: host(h, difficulty, 'wn-n01', site, natGw.ip, { privateIp: '10.10.0.11' }),
    natWn2: host(h, difficulty, 'wn-n02', site, natGw.ip, { privateIp: '10.10.0.12' }),
    noiseWns: [],
    atlasUsers: [],
    cmsUsers: [],
    pilots: [],
    attackerIp: `203.0.113.${h.int(50, 99)}`,
  };
  for (let i = 1; i <= 24; i++) {
    const n = String(i + 20).padStart(3, '0');
    world.noiseWns.push(host(h, difficulty, `wn${n}`, site, `192.0.2.${120 + i}`));
  }
  const u = rng.fork('users');
  ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'].forEach((n, i) => {
    world.atlasUsers.push(user(u, n, 41001 + i, 'atlas'));
  });
  ['heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent'].forEach((n, i) => {
    world.cmsUsers.push(user(u, n, 42001 + i, 'cms'));
  });
  world.pilots = buildCast(rng.fork('cast'), world);
  return world;
}

/** Payload `n` of the cast, `user` running [start,end] with a 4-hour storage token. */
function payload(rng: Rng, user: User, start: number, end: number): Payload {
  const tokenIat = start - 60_000;
  return {
    pandaId: String(rng.int(6_871_000_000, 6_879_999_999)),
    user,
    start,
    end,
    tokenJti: rng.uuid(),
    tokenIat,
    tokenExp: tokenIat + 4 * 3_600_000,
    inPath: `/atlasdatadisk/mc23_13p6TeV/EVNT.${rng.int(30_000_000, 39_999_999)}._${String(rng.int(1, 999)).padStart(6, '0')}.pool.root.1`,
    outPath: `/atlasscratchdisk/user/${user.name}/user.${user.name}.${rng.int(40_000_000, 49_999_999)}._000001.AOD.root`,
  };
}

/**
 * The fixed cast: the same pilots and payloads at every size. Three atlas pilots share wn017
 * (slots 1-3), two follow each other on wn018, and two run behind the NAT gateway at the same
 * time. Background pilots never use these nodes, so the answers do not depend on --size.
 */
function buildCast(rng: Rng, w: World): Pilot[] {
  const [alice, bob, carol, dave, erin, frank, grace] = w.atlasUsers as [User, User, User, User, User, User, User];
  let cluster = 40117;
  let factoryCluster = rng.int(880_000, 889_999);
  const mk = (key: string, factory: Host, wn: Host, slot: string, start: number, end: number, payloads: Payload[]): Pilot => {
    const ceJobId = `${cluster}.0`;
    const batchJobId = `${cluster + 1}.0`;
    cluster += 2;
    const qdate = Math.floor((start - rng.int(60, 300) * 1000) / 1000);
    factoryCluster += rng.int(3, 40);
    const factoryJob = `${factoryCluster}.0`;
    return {
      key,
      factory,
      factoryJob,
      pilotId: `${factory.short}:${factoryJob}`,
      ceJobId,
      batchJobId,
      globalJobId: `${w.ce.fqdn}#${batchJobId}#${qdate + 8}`,
      qdate,
      wn,
      slot,
      start,
      end,
      pilotTokenJti: rng.uuid(),
      payloads,
    };
  };
  const p1Start = at(rng, 8, 0);
  const a1 = payload(rng, alice, p1Start + 10 * 60_000, at(rng, 10, 40));
  const b1 = payload(rng, bob, at(rng, 11, 0), at(rng, 14, 30));
  const pilots: Pilot[] = [
    mk('P1', w.factory, w.wn017, 'slot1_1', p1Start, at(rng, 16, 0), [a1, b1]),
    mk('P2', w.factory, w.wn017, 'slot1_2', at(rng, 8, 20), at(rng, 14, 0), [payload(rng, carol, at(rng, 8, 30), at(rng, 12, 30))]),
    mk('P7', w.factory, w.wn017, 'slot1_3', at(rng, 9, 0), at(rng, 13, 0), [payload(rng, grace, at(rng, 9, 10), at(rng, 12, 40))]),
    mk('P3', w.factory, w.wn018, 'slot1_1', at(rng, 7, 30), at(rng, 12, 0), [payload(rng, dave, at(rng, 7, 40), at(rng, 11, 30))]),
    mk('P4', w.factory, w.wn018, 'slot1_2', at(rng, 12, 30), at(rng, 17, 0), [payload(rng, alice, at(rng, 12, 40), at(rng, 15, 0))]),
    mk('P5', w.factory3p, w.natWn1, 'slot1_1', at(rng, 9, 0), at(rng, 13, 0), [payload(rng, erin, at(rng, 9, 15), at(rng, 12, 30))]),
    mk('P6', w.factory3p, w.natWn2, 'slot1_1', at(rng, 9, 30), at(rng, 13, 30), [payload(rng, frank, at(rng, 9, 40), at(rng, 13, 0))]),
  ];
  return pilots;
}

export function pilotByKey(w: World, key: string): Pilot {
  const p = w.pilots.find((x) => x.key === key);
  if (!p) throw new Error(`no pilot ${key}`);
  return p;
}

/** Every host that writes logs into the bundle, for the skew table in the answers. */
export function loggingHosts(w: World): Host[] {
  return [w.ce, w.se, w.xrd, w.ui, w.www, w.iam, w.fts, w.wn017, w.wn018, w.natWn1, w.natWn2];
}
