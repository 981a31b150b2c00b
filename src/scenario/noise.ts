/**
 * Background noise: the ordinary life of the site around the incident (cms pilots and users,
 * atlas token issuance at IAM, ssh logins and scanners, web hits, failures, malformed lines).
 * Noise never touches the cast's worker nodes or atlas storage paths, so the answer key stays
 * the same at every --size; volume grows with the size budget.
 */
import { DCACHE_BASE, auditSubmit, dcacheLine, dcacheSession, historyAd, iamAudit, pilotTokenJson, routerLines, sshd, xrootdDisc, xrootdSession, apache } from './lines';
import { SRC } from './layout';
import type { Rng } from './prng';
import { type Bundle, type NoiseFn, STAMP as S } from './sink';
import type { Difficulty, World } from './world';

const CMS_FACTORY = { ip: '198.51.100.24', fqdn: 'cmsfactory01.example-vo.org' };
const MALFORMED_P: Record<Difficulty, number> = { easy: 0, normal: 0.002, hard: 0.01 };

/** Breaks a line the way real logs break: truncated write, binary junk, a stray continuation. */
function malformed(rng: Rng, line: string): string {
  switch (rng.int(0, 2)) {
    case 0:
      return line.slice(0, Math.max(3, rng.int(5, Math.max(6, line.length - 1))));
    case 1:
      return `${S} ${String.fromCharCode(1, 0xfffd, 0x7f)}${rng.alnum(rng.int(10, 60))}\u0002`;
    default:
      return `    at org.example.Unknown(${rng.alnum(8)}.java:${rng.int(1, 900)})`;
  }
}

function withMalformed(fn: NoiseFn, d: Difficulty): NoiseFn {
  const p = MALFORMED_P[d];
  return (rng, t) => {
    const line = fn(rng, t);
    return p > 0 && rng.chance(p) ? malformed(rng, line) : line;
  };
}

export function attachNoise(b: Bundle, w: World): void {
  // At hard difficulty scanners also come from the range the attackers use (203.0.113.100-199;
  // attackers are .50-.99): failed, unauthenticated noise the trainee must tell from misuse.
  const scanner = (rng: Rng, lo: number, hi: number): string =>
    w.difficulty === 'hard' && rng.chance(0.5) ? `203.0.113.${rng.int(100, 199)}` : `198.51.100.${rng.int(lo, hi)}`;
  let cluster = 500_000;
  // Background connection ids come from their own range so they never collide with the cast's.
  let cid = 100_000;
  const cmsUser = (rng: Rng) => rng.pick(w.cmsUsers);
  const wn = (rng: Rng) => rng.pick(w.noiseWns);
  const set = (id: string, fn: NoiseFn): void => {
    const s = b.sources.get(id);
    if (s) s.noise = withMalformed(fn, w.difficulty);
  };

  set(SRC.audit, (rng, t) => {
    cid += rng.int(1, 40);
    if (rng.chance(0.05)) {
      const ip = `198.51.100.${rng.int(100, 199)}`;
      return `${S} (cid:${cid}) Command=QMGMT_READ_CMD, peer=<${ip}:${rng.int(30_000, 60_000)}>\n${S} (cid:${cid}) Authentication Failed, MethodsTried=SCITOKENS,SSL`;
    }
    const jti = rng.uuid();
    cluster += 2;
    return auditSubmit({
      cid, ip: CMS_FACTORY.ip, port: rng.int(30_000, 60_000), alias: CMS_FACTORY.fqdn,
      payloadJson: pilotTokenJson({ aud: `condor://${w.ce.fqdn}:9619`, exp: t + 3_600_000, iat: t - 60_000, iss: w.cms.iss, jti, sub: w.cms.pilotSub, vo: 'cms' }),
      iss: w.cms.iss, sub: w.cms.pilotSub, condorId: 'cmspilot@users.htcondor.org', jobId: `${cluster}.0`,
    });
  });
  set(SRC.sched, (rng) => {
    switch (rng.int(0, 5)) {
      case 0:
        return `${S} (D_SECURITY) Mapped SCITOKENS authenticated identity '${w.cms.iss},${w.cms.pilotSub}' to cmspilot`;
      case 1:
        return `${S} Number of Active Workers ${rng.int(0, 3)}`;
      case 2:
        return `${S} Activity on stashed negotiator socket: <192.0.2.5:9618>`;
      case 3:
        return `${S} Shadow pid ${rng.int(100_000, 999_999)} for job ${rng.int(500_000, 600_000)}.0 exited with status ${rng.pick([100, 100, 100, 107, 115])}`;
      case 4:
        return `${S} Started shadow for job ${rng.int(500_000, 600_000)}.0 on slot1_${rng.int(1, 8)}@${wn(rng).fqdn} <${wn(rng).ip}:9618> for cmspilot, (shadow pid = ${rng.int(100_000, 999_999)})`;
      default:
        return `${S} TransferQueueManager stats: active up=0/100 down=${rng.int(0, 5)}/100; waiting up=0 down=0`;
    }
  });
  set(SRC.router, (rng) => {
    const src = `${rng.int(500_000, 600_000)}.0`;
    const r = routerLines(src, `${Number(src.split('.')[0]) + 1}.0`, 'Local_Condor');
    return rng.pick([r.claimed, r.submitted, r.finalized]);
  });
  set(SRC.history, (rng, t) => {
    const c = rng.int(500_000, 600_000);
    const start = t - rng.int(1, 8) * 3_600_000;
    const host = wn(rng);
    return historyAd({
      cluster: c, owner: 'cmspilot', globalJobId: `${w.ce.fqdn}#${c}.0#${Math.floor(start / 1000) - 120}`, qdate: Math.floor(start / 1000) - 120, start, end: t,
      iss: w.cms.iss, sub: w.cms.pilotSub, jti: rng.uuid(), vo: 'cms', remoteHost: `slot1_${rng.int(1, 8)}@${host.fqdn}`, routedFrom: `${c - 1}.0`, route: 'Local_Condor',
    });
  });
  set(SRC.dcache, (rng) => {
    const r = rng.next();
    if (r < 0.04) {
      return dcacheLine({ method: rng.pick(['GET', 'PROPFIND', 'PUT']), url: `${DCACHE_BASE}/${rng.pick(['atlas', 'cms'])}/${rng.alnum(6)}`, code: 401, reason: 'Unauthorized', ip: scanner(rng, 150, 199), port: rng.int(30_000, 60_000), agent: rng.pick(['curl/8.5.0', 'python-requests/2.31.0']), mapped: 'nobody', session: dcacheSession(rng), duration: rng.int(1, 30) });
    }
    const u = cmsUser(rng);
    const fts = r < 0.25;
    const method = fts ? 'COPY' : rng.pick(['GET', 'GET', 'GET', 'PUT', 'PROPFIND']);
    const path = method === 'PUT' ? `/cms/store/user/${u.name}/out_${rng.int(1, 99999)}.root` : `/cms/store/mc/Run3Summer23/${rng.alnum(10)}/file${rng.int(1, 9999)}.root`;
    const code = method === 'PUT' || method === 'COPY' ? 201 : method === 'PROPFIND' ? 207 : rng.chance(0.03) ? 404 : 200;
    return dcacheLine({ method, url: `${DCACHE_BASE}${path}`, code, ip: fts ? w.fts.ip : wn(rng).ip, port: rng.int(30_000, 60_000), agent: fts ? 'fts_url_copy/3.12.10 gfal2/2.22.2' : 'gfal2-util/1.8.1', sub: u.sub, jti: rng.uuid(), op: 'cms', mapped: `${u.uid}:42000`, session: dcacheSession(rng), duration: rng.int(5, 20_000) });
  });
  set(SRC.xrootd, xrootdNoise(w));
  set(SRC.iam, (rng, t) => {
    const u = rng.pick(w.atlasUsers);
    if (rng.chance(0.1)) {
      return iamAudit(rng.int(1, 40), { '@type': 'AuthenticationSuccessEvent', timestamp: t + w.iam.skewMs, category: 'AUTHENTICATION', principal: u.name, message: `${u.name} authenticated succesfully`, source: w.ui.ip });
    }
    return iamAudit(rng.int(1, 40), {
      '@type': 'AccessTokenIssuedEvent', timestamp: t + w.iam.skewMs, category: 'TOKEN', principal: u.name, message: 'Issue access token',
      grantType: 'refresh_token', clientId: userClientId(u.uid), source: w.ui.ip, scope: 'openid storage.read:/atlasdatadisk wlcg.groups', subject: u.sub, tokenJti: rng.uuid(),
    });
  });
  set(SRC.sshd, (rng) => {
    const pid = rng.int(1000, 60_000);
    if (rng.chance(0.6)) {
      const bad = rng.pick(['admin', 'oracle', 'test', 'ubuntu', 'git', 'postgres']);
      const ip = scanner(rng, 200, 254);
      return rng.chance(0.5) ? sshd('ui01', pid, `Invalid user ${bad} from ${ip} port ${rng.int(30_000, 60_000)}`) : sshd('ui01', pid, `Failed password for invalid user ${bad} from ${ip} port ${rng.int(30_000, 60_000)} ssh2`);
    }
    const u = rng.pick([...w.atlasUsers, ...w.cmsUsers]);
    const ip = `198.51.100.${rng.int(100, 140)}`;
    return rng.chance(0.7)
      ? sshd('ui01', pid, `Accepted publickey for ${u.name} from ${ip} port ${rng.int(30_000, 60_000)} ssh2: ED25519 SHA256:${rng.alnum(43)}`)
      : sshd('ui01', pid, `pam_unix(sshd:session): session opened for user ${u.name}(uid=${u.uid}) by (uid=0)`);
  });
  set(SRC.web, (rng) => {
    const ip = rng.chance(0.7) ? `198.51.100.${rng.int(1, 140)}` : `192.0.2.${rng.int(2, 99)}`;
    const path = rng.pick(['/', '/status/', '/monitoring/queues.json', '/docs/grid-access.html', '/favicon.ico', `/pilotlogs/2026-11-2${rng.int(1, 3)}/`]);
    return apache({ ip, method: 'GET', path, status: path === '/favicon.ico' ? 404 : 200, bytes: rng.int(200, 40_000), agent: rng.pick(['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'curl/8.5.0', 'Prometheus/2.53.0']) });
  });
}

/** Client sessions a busy xrootd server has open at once, at most (the noise stays under it). */
const XROOTD_MAX_OPEN = 400;

/**
 * cms clients' xrootd sessions as a server logs them: each opens (login and its token on one
 * thread), is bound to more file descriptors, and ends (`disc`, with its real duration); opening,
 * binding and closing are a third of the calls each, so the open sessions wander between none and
 * XROOTD_MAX_OPEN and every call's mix is the same from the start (profileNoise samples it). Before,
 * each line named a new random client: a log of a million one-line sessions that no server
 * writes, whose never-closed sessions a parser had to keep.
 */
function xrootdNoise(w: World): NoiseFn {
  interface Open {
    tident: string;
    thread: number;
    since: number;
  }
  const open: Open[] = [];
  return (rng, t) => {
    const r = rng.int(0, 2);
    if (open.length === 0 || (r === 0 && open.length < XROOTD_MAX_OPEN)) {
      const u = rng.pick(w.cmsUsers);
      const s: Open = { tident: `${u.name}.${rng.int(1000, 60_000)}:${rng.int(20, 200)}@${rng.pick(w.noiseWns).fqdn}`, thread: rng.int(100, 3000), since: t };
      open.push(s);
      const x = xrootdSession({ thread: s.thread, tident: s.tident, login: `cms${String(u.uid - 42000).padStart(3, '0')}`, sub: u.sub, iss: w.cms.iss, vo: 'cms', authz: `/store:read,stat;/store/user/${u.name}:create,mkdir,update,stat` });
      return `${x.login}\n${x.token}`;
    }
    const i = rng.int(0, open.length - 1);
    const s = open[i] as Open;
    if (r === 1) return `${S} ${String(s.thread).padStart(3, '0')} XrootdXeq: ${s.tident} FD ${rng.int(20, 400)}#${rng.int(0, 9)} bound`;
    // Closed: the last open session takes its place (order does not matter, picks are random).
    open[i] = open[open.length - 1] as Open;
    open.pop();
    return xrootdDisc(s.thread, s.tident, Math.max(1, Math.round((t - s.since) / 1000)));
  };
}

/** Each atlas user's usual OAuth client (oidc-agent registration) at IAM. */
export function userClientId(uid: number): string {
  return `0a1d0a1d-${String(uid).padStart(4, '0').slice(-4)}-4000-8000-${String(uid).padStart(12, '0')}`;
}
