/**
 * hijacked-pilot: bob's payload, in pilot P1 on wn017, collects the bearer tokens of the other
 * payloads on the node (carol's and grace's `bt_u<uid>` files from the other slots' sandboxes),
 * uses grace's from the node itself (XRootD session logged in by bob's process) and ships
 * carol's to an outside address that reads carol's data with it.
 */
import { pilotLogId } from '../backbone';
import { DCACHE_BASE, dcacheLine, dcacheSession, panda, xrootdDisc, xrootdSession } from '../lines';
import { SRC } from '../layout';
import { s1, s2, s3, v1, v2, v3 } from '../questions';
import { INCIDENT_DAY, pilotByKey } from '../world';
import { BASE_CONTAINMENT, MIN, incidentToken, payloadToken } from './common';
import type { ScenarioDef } from './types';

export const hijackedPilot: ScenarioDef = {
  name: 'hijacked-pilot',
  description: "A payload steals the other slots' payload tokens (bt_u* files) on its worker node and uses them.",
  async build({ b, w, rng }) {
    const p1 = pilotByKey(w, 'P1');
    const p2 = pilotByKey(w, 'P2');
    const p7 = pilotByKey(w, 'P7');
    const bob = p1.payloads[1];
    const carol = p2.payloads[0];
    const grace = p7.payloads[0];
    if (!bob || !carol || !grace) throw new Error('cast is missing payloads');
    const carolTok = await payloadToken(w, carol);
    const graceTok = await payloadToken(w, grace);
    const stash = `${p1.wn.fqdn}/var/lib/condor/execute/dir_${p1.batchJobId.split('.')[0]}/.cache/.pip-${rng.alnum(6)}`;
    b.static(`captured/${stash}/bt_u${carol.user.uid}`, `${carolTok}\n`, [['carol-file', 1]]);
    b.static(`captured/${stash}/bt_u${grace.user.uid}`, `${graceTok}\n`, [['grace-file', 1]]);

    const log = pilotLogId(b, p1);
    const t0 = bob.start + 12 * MIN;
    b.add(log, t0, panda('WARNING', `payload ${bob.pandaId} stderr: find: '/var/lib/condor/execute/dir_${p2.batchJobId.split('.')[0]}/_condor_creds': Permission denied`));
    b.add(log, t0 + 1_000, panda('WARNING', `payload ${bob.pandaId} stderr: cp: preserving permissions for '.cache/bt_u${carol.user.uid}': Operation not supported`));

    const th = rng.int(100, 3000);
    const tident = `bob.${rng.int(1000, 60_000)}:${rng.int(20, 200)}@${p1.wn.fqdn}`;
    const xs = xrootdSession({ thread: th, tident, login: `atlas${String(grace.user.uid - 41000).padStart(3, '0')}`, sub: grace.user.sub, iss: w.atlas.iss, vo: 'atlas', authz: `/atlasdatadisk:read,stat;/atlasscratchdisk/user/grace:create,mkdir,update,stat` });
    const xt = t0 + 9 * MIN;
    b.add(SRC.xrootd, xt, xs.login);
    b.add(SRC.xrootd, xt + 25, xs.token);
    b.add(SRC.xrootd, xt + 301_000, xrootdDisc(th, tident, 301));

    const x = w.attackerIp;
    const ut = Math.min(carol.tokenExp - 20 * MIN, xt + 25 * MIN);
    const who = { sub: carol.user.sub, jti: carol.tokenJti, op: 'atlas', mapped: `${carol.user.uid}:41000` };
    b.add(SRC.dcache, ut, dcacheLine({ method: 'PROPFIND', url: `${DCACHE_BASE}/atlas/atlasscratchdisk/user/carol/`, code: 207, ip: x, port: rng.int(30_000, 60_000), agent: 'rclone/v1.68.1', ...who, session: dcacheSession(rng), duration: 77 }));
    for (let i = 0; i < 3; i++) {
      b.add(SRC.dcache, ut + (i + 1) * 50_000, dcacheLine({ method: 'GET', url: `${DCACHE_BASE}/atlas/atlasscratchdisk/user/carol/user.carol.${rng.int(40_000_000, 49_999_999)}._00000${i + 1}.AOD.root`, code: 200, ip: x, port: rng.int(30_000, 60_000), agent: 'rclone/v1.68.1', ...who, session: dcacheSession(rng), duration: rng.int(9_000, 40_000) }));
    }
    return {
      summary: `bob's payload ${bob.pandaId} in ${p1.pilotId} on ${p1.wn.fqdn} copied carol's and grace's token files from the other slots, used grace's token over XRootD from the node and carol's from ${x}.`,
      from: t0,
      to: ut + 3 * 50_000,
      questions: [
        s1(w, xt, p1.wn.ip),
        s2(w, xt, p1.wn.ip, `xrootd login ${tident}`, p1, true),
        s3(w, INCIDENT_DAY + 10 * 3_600_000, INCIDENT_DAY + 13 * 3_600_000, [x], `Includes ${x}: carol's stolen token was used from there.`),
        v1(w, xt, p1.wn.ip),
        v2(xt, p1.wn.ip, p1),
        v3(w, INCIDENT_DAY, INCIDENT_DAY + 86_400_000 - 1000, 'bob'),
      ],
      compromised: [
        await incidentToken(carolTok, { jti: carol.tokenJti, iss: w.atlas.iss, sub: carol.user.sub, user: 'carol', kind: 'access', why: `found in bob's sandbox of ${p1.pilotId}; used from ${x}`, refs: ['carol-file'] }),
        await incidentToken(graceTok, { jti: grace.tokenJti, iss: w.atlas.iss, sub: grace.user.sub, user: 'grace', kind: 'access', why: `found in bob's sandbox of ${p1.pilotId}; used by bob's process over XRootD (${tident})`, refs: ['grace-file'] }),
      ],
      flagged: [],
      attackerIps: [x],
      affectedUsers: ['carol', 'grace'],
      affectedPilots: [p1, p2, p7],
      affectedPayloads: [bob, carol, grace],
      expectedFindings: ['misuse.cross-user-token', 'misuse.foreign-ip', 'exposure.token-in-log'],
      noHighSeverity: false,
      containment: [
        ...BASE_CONTAINMENT,
        `Drain ${p1.wn.fqdn} and keep it for forensics; check the slot isolation (token files of other slots must not be readable).`,
        `Ask atlas to suspend bob (${bob.user.sub}) and to stop his tasks; carol's and grace's tokens (jti ${carol.tokenJti}, ${grace.tokenJti}) must be considered stolen.`,
        `Block ${x} at the site firewall and the storage doors.`,
      ],
      handover: `Reason for hand-over: carol asked why her scratch files were downloaded by ${x} on 2026-11-23. We collected the CE, worker-node and storage logs, and files we found in a pilot sandbox on ${p1.wn.fqdn} (captured/).`,
    };
  },
};
