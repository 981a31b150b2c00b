/**
 * stolen-token: alice's payload token is printed into the pilot log (payload environment dump,
 * `BEARER_TOKEN=`); the site publishes pilot logs on its web server; an outside address fetches
 * the log and then reads and writes storage with alice's token (dCache GET/PUT, XRootD).
 */
import { pilotLogId } from '../backbone';
import { iso } from '../clock';
import { DCACHE_BASE, apache, dcacheLine, dcacheSession, panda, xrootdDisc, xrootdSession } from '../lines';
import { SRC } from '../layout';
import { mid, s1, s2, s3, v1, v2, v3 } from '../questions';
import { pilotByKey } from '../world';
import { BASE_CONTAINMENT, MIN, incidentToken, payloadToken } from './common';
import type { ScenarioDef } from './types';

export const stolenToken: ScenarioDef = {
  name: 'stolen-token',
  description: "A payload token leaks into a published pilot log; an outside IP uses it to read and write storage.",
  async build({ b, w, rng }) {
    const p1 = pilotByKey(w, 'P1');
    const p2 = pilotByKey(w, 'P2');
    const p7 = pilotByKey(w, 'P7');
    const a1 = p1.payloads[0];
    const c1 = p2.payloads[0];
    if (!a1 || !c1) throw new Error('cast is missing payloads');
    const token = await payloadToken(w, a1);
    const log = pilotLogId(b, p1);
    b.add(log, a1.start + 150, panda('DEBUG', `payload environment: HOME=/home/atlas001 PANDAID=${a1.pandaId} X509_CERT_DIR=/etc/grid-security/certificates BEARER_TOKEN=${token} BEARER_TOKEN_FILE=/tmp/bt_u${a1.user.uid} SITE_NAME=EXAMPLE-SITE`), 'leak');

    const x = w.attackerIp;
    const logUrl = `/pilotlogs/2026-11-23/${p1.wn.short}/PanDA_Pilot-${p1.factoryJob.replace('.', '_')}/pilotlog.txt`;
    const fetchAt = a1.start + 38 * MIN + rng.int(0, 300) * 1000;
    b.add(SRC.web, fetchAt - 20 * MIN, apache({ ip: '192.0.2.31', method: 'GET', path: logUrl, status: 200, bytes: 48_211, agent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }));
    b.add(SRC.web, fetchAt, apache({ ip: x, method: 'GET', path: '/pilotlogs/2026-11-23/', status: 200, bytes: 3_904, agent: 'python-requests/2.31.0' }));
    b.add(SRC.web, fetchAt + 4_000, apache({ ip: x, method: 'GET', path: logUrl, status: 200, bytes: 48_211, agent: 'python-requests/2.31.0' }));

    const use1 = fetchAt + 11 * MIN + rng.int(0, 120) * 1000;
    const agent = 'curl/8.5.0';
    const who = { sub: a1.user.sub, jti: a1.tokenJti, op: w.atlas.opAlias, mapped: `${a1.user.uid}:41000` };
    const stolenIn = `/atlasdatadisk/mc23_13p6TeV/DAOD_PHYS.${rng.int(30_000_000, 39_999_999)}._000017.pool.root.1`;
    const dropped = `/atlasscratchdisk/user/alice/.cache/${rng.alnum(10)}.tar.gz`;
    b.add(SRC.dcache, use1, dcacheLine({ method: 'PROPFIND', url: `${DCACHE_BASE}/atlas/atlasscratchdisk/user/alice/`, code: 207, ip: x, port: rng.int(30_000, 60_000), agent, ...who, session: dcacheSession(rng), duration: 41 }));
    b.add(SRC.dcache, use1 + 40_000, dcacheLine({ method: 'GET', url: `${DCACHE_BASE}/atlas${stolenIn}`, code: 200, ip: x, port: rng.int(30_000, 60_000), agent, ...who, session: dcacheSession(rng), duration: 18_220 }));
    b.add(SRC.dcache, use1 + 3 * MIN, dcacheLine({ method: 'PUT', url: `${DCACHE_BASE}/atlas${dropped}`, code: 201, ip: x, port: rng.int(30_000, 60_000), agent, ...who, session: dcacheSession(rng), duration: 2_310 }));
    b.add(SRC.dcache, use1 + 4 * MIN, dcacheLine({ method: 'PUT', url: `${DCACHE_BASE}/atlas/atlasdatadisk/${rng.alnum(8)}.sh`, code: 403, reason: 'Permission denied', ip: x, port: rng.int(30_000, 60_000), agent, ...who, session: dcacheSession(rng), duration: 9 }));
    const th = rng.int(100, 3000);
    const tident = `root.${rng.int(1000, 60_000)}:${rng.int(20, 200)}@[::ffff:${x}]`;
    const xs = xrootdSession({ thread: th, tident, login: 'atlas001', sub: a1.user.sub, iss: w.atlas.iss, vo: 'atlas', authz: '/atlasdatadisk:read,stat;/atlasscratchdisk/user/alice:create,mkdir,update,stat' });
    const xt = use1 + 6 * MIN;
    b.add(SRC.xrootd, xt, xs.login);
    b.add(SRC.xrootd, xt + 30, xs.token);
    b.add(SRC.xrootd, xt + 212_000, xrootdDisc(th, tident, 212));

    const carolGet = c1.start + 2 * MIN;
    const tV = mid(Math.max(p7.payloads[0]?.start ?? 0, c1.start), Math.min(a1.end, c1.end));
    return {
      summary: `alice's payload token (PanDA job ${a1.pandaId}) was printed into a pilot log published on ${w.www.fqdn}; ${x} downloaded the log and used the token against ${w.se.fqdn} and ${w.xrd.fqdn} until it expired.`,
      from: a1.start + 150,
      to: xt + 212_000,
      questions: [
        s1(w, carolGet, p1.wn.ip),
        s2(w, carolGet, p1.wn.ip, `GET /pnfs/example-site.org/data/atlas${c1.inPath}`, p2, true),
        s3(w, use1 - 2 * 3_600_000, use1 + 2 * 3_600_000, [x], `Includes ${x}: atlas tokens were used from there (the stolen token).`),
        v1(w, tV, p1.wn.ip),
        v2(tV, p1.wn.ip, p1),
        v3(w, a1.start - 3_600_000, a1.start + 12 * 3_600_000, 'alice'),
      ],
      compromised: [await incidentToken(token, { jti: a1.tokenJti, iss: w.atlas.iss, sub: a1.user.sub, user: 'alice', kind: 'access', why: `printed in the pilot log of ${p1.pilotId}, fetched by ${x} from the web server at ${iso(fetchAt)}, then used from ${x}`, refs: ['leak'] })],
      flagged: [],
      attackerIps: [x],
      affectedUsers: ['alice'],
      affectedPilots: [p1],
      affectedPayloads: [a1],
      expectedFindings: ['exposure.token-in-log', 'misuse.foreign-ip'],
      noHighSeverity: false,
      containment: [
        ...BASE_CONTAINMENT,
        `Remove the published pilot logs from ${w.www.fqdn} (${logUrl}) and stop publishing sandboxes that contain environment dumps.`,
        `Block ${x} at the site firewall and ban it at the dCache and XRootD doors.`,
        `Ask the atlas IAM administrators to suspend alice's subject ${a1.user.sub} until her tokens (jti ${a1.tokenJti}) have expired, and to check for other tokens issued to her.`,
        `Quarantine what ${x} wrote: ${dropped}; review what it read (${stolenIn}).`,
        `Fix the pilot so it never prints BEARER_TOKEN (redact the environment dump).`,
      ],
      handover: `Reason for hand-over: on 2026-11-23 our dCache and XRootD logs show atlas user activity from ${x}, an address outside the site and outside atlas. We collected the CE, worker-node, storage and web server logs of 21-23 November. Please tell us which job and which user this belongs to.`,
    };
  },
};
