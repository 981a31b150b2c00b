/**
 * nat-ambiguity: two pilots (from the third-party factory) run on two worker nodes behind one NAT
 * address. An unexpected upload from that address is reported: time + IP alone match both jobs
 * (ambiguous); the activity (the upload) or the job id singles out one.
 */
import { DCACHE_BASE, dcacheLine, dcacheSession } from '../lines';
import { SRC } from '../layout';
import { s1, s2, s3, v1, v2, v3 } from '../questions';
import { INCIDENT_DAY, pilotByKey } from '../world';
import { BASE_CONTAINMENT, MIN } from './common';
import type { ScenarioDef } from './types';

export const natAmbiguity: ScenarioDef = {
  name: 'nat-ambiguity',
  description: 'Two pilots behind one NAT IP: time + IP is ambiguous until the activity or the job id narrows it.',
  async build({ b, w, rng }) {
    const p5 = pilotByKey(w, 'P5');
    const p6 = pilotByKey(w, 'P6');
    const erin = p5.payloads[0];
    const frank = p6.payloads[0];
    if (!erin || !frank) throw new Error('cast is missing payloads');
    const nat = w.natGw.ip;
    const t = Math.floor((Math.max(erin.start, frank.start) + 50 * MIN) / 1000) * 1000;
    const odd = `/atlasscratchdisk/user/frank/tmp/${rng.alnum(6)}.bin`;
    b.add(SRC.dcache, t - 40_000, dcacheLine({ method: 'GET', url: `${DCACHE_BASE}/atlas/atlasdatadisk/mc23_13p6TeV/HITS.${rng.int(30_000_000, 39_999_999)}._000210.pool.root.1`, code: 200, ip: nat, port: rng.int(30_000, 60_000), agent: 'gfal2-util/1.8.1', sub: erin.user.sub, jti: erin.tokenJti, op: 'atlas', mapped: `${erin.user.uid}:41000`, session: dcacheSession(rng), duration: 6_100 }));
    b.add(SRC.dcache, t, dcacheLine({ method: 'PUT', url: `${DCACHE_BASE}/atlas${odd}`, code: 201, ip: nat, port: rng.int(30_000, 60_000), agent: 'curl/8.5.0', sub: frank.user.sub, jti: frank.tokenJti, op: 'atlas', mapped: `${frank.user.uid}:41000`, session: dcacheSession(rng), duration: 48_900 }));
    return {
      summary: `At the reported time both ${p5.pilotId} (erin) and ${p6.pilotId} (frank) ran behind NAT address ${nat}; the upload of ${odd} was made with frank's token, so it belongs to ${p6.pilotId}.`,
      from: t - 40_000,
      to: t,
      questions: [
        s1(w, t, nat, 'Two worker nodes share this address and both ran an atlas pilot: the honest answer names both and says it is ambiguous.'),
        s2(w, t, nat, `PUT /pnfs/example-site.org/data/atlas${odd}`, p6, true),
        s3(w, INCIDENT_DAY + 8 * 3_600_000, INCIDENT_DAY + 12 * 3_600_000),
        v1(w, t, nat),
        v2(t, nat, p6),
        v3(w, INCIDENT_DAY, INCIDENT_DAY + 86_400_000 - 1000, 'frank'),
      ],
      compromised: [],
      flagged: [],
      attackerIps: [],
      affectedUsers: ['frank'],
      affectedPilots: [p6],
      affectedPayloads: [frank],
      expectedFindings: [],
      noHighSeverity: true,
      containment: [
        ...BASE_CONTAINMENT,
        `Ask atlas (and the third-party factory ${p6.factory.fqdn}) about payload ${frank.pandaId} of frank; no site-wide ban is justified by the address alone, since ${nat} is shared.`,
        'Log NAT port mappings (conntrack) so the next question about this address has a unique answer.',
      ],
      handover: `Reason for hand-over: at ${new Date(t).toISOString()} our storage received an unexpected upload (${odd}) from ${nat}, our NAT gateway for the private worker nodes. Which job and which user was it?`,
    };
  },
};
