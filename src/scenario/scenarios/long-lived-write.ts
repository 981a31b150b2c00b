/**
 * long-lived-write: FTS receives a per-file destination token that lives 9 days and carries
 * `storage.modify:/` (write and delete anywhere in the VO's namespace). Two days later someone
 * outside uses the same token to delete and overwrite data.
 */
import { DCACHE_BASE, dcacheLine, dcacheSession } from '../lines';
import { SRC } from '../layout';
import { standardQuestions } from '../questions';
import { signToken } from '../tokens';
import { ftsTransferFile } from '../fts';
import { INCIDENT_DAY, WINDOW_START } from '../world';
import { BASE_CONTAINMENT, MIN, incidentToken } from './common';
import type { ScenarioDef } from './types';

export const longLivedWrite: ScenarioDef = {
  name: 'long-lived-write',
  description: 'An FTS per-file write token with a 9-day lifetime and storage.modify:/ is reused days later to delete data.',
  async build({ b, w, rng }) {
    const t = WINDOW_START + 14 * 3_600_000 + rng.int(0, 3600) * 1000;
    const iat = Math.floor(t / 1000) - 60;
    const ddmSub = rng.uuid();
    const jti = rng.uuid();
    const path = `/atlasdatadisk/rucio/data23_13p6TeV/${rng.hex(2)}/${rng.hex(2)}/DAOD_PHYS.${rng.int(30_000_000, 39_999_999)}._000${rng.int(100, 999)}.pool.root.1`;
    const claims = { 'wlcg.ver': '1.0', sub: ddmSub, aud: `https://${w.se.fqdn}`, nbf: iat, scope: 'storage.modify:/ storage.read:/', iss: w.atlas.iss, exp: iat + 9 * 86_400, iat, jti, client_id: 'fts3-atlas-0000-4000-8000-000000000fts', 'wlcg.groups': ['/atlas'] };
    const token = await signToken(w.atlas, claims);
    ftsTransferFile(b, w.fts, {
      t, srcHost: 'storage.example-vo.org', dstHost: w.se.fqdn, srcPath: `/atlas${path}`, dstPath: `/pnfs/example-site.org/data/atlas${path}`, vo: 'atlas',
      tokenClaims: claims, jobId: rng.uuid(), fileId: String(rng.int(4_400_000_000, 4_499_999_999)), size: rng.int(1_000_000_000, 3_000_000_000),
    });
    b.add(SRC.dcache, t + 3_000, dcacheLine({ method: 'COPY', url: `${DCACHE_BASE}/atlas${path}`, code: 201, ip: w.fts.ip, port: rng.int(30_000, 60_000), agent: 'fts_url_copy/3.12.10 gfal2/2.22.2', sub: ddmSub, jti, op: 'atlas', mapped: '41900:41000', session: dcacheSession(rng), duration: 61_200 }));
    b.static(`captured/${w.fts.fqdn}/token-export-${jti.slice(0, 8)}.jwt`, `${token}\n`, [['fts-token', 1]]);

    const x = w.attackerIp;
    const u = INCIDENT_DAY + 19 * 3_600_000 + rng.int(0, 3600) * 1000;
    const who = { sub: ddmSub, jti, op: 'atlas', mapped: '41900:41000' };
    const victims: string[] = [];
    for (let i = 0; i < 4; i++) {
      const v = `/atlasdatadisk/rucio/data23_13p6TeV/${rng.hex(2)}/${rng.hex(2)}/AOD.${rng.int(30_000_000, 39_999_999)}._00${rng.int(1000, 9999)}.pool.root.1`;
      victims.push(v);
      b.add(SRC.dcache, u + i * 7_000, dcacheLine({ method: 'DELETE', url: `${DCACHE_BASE}/atlas${v}`, code: 204, ip: x, port: rng.int(30_000, 60_000), agent: 'curl/8.5.0', ...who, session: dcacheSession(rng), duration: rng.int(20, 200) }));
    }
    b.add(SRC.dcache, u + 40_000, dcacheLine({ method: 'PUT', url: `${DCACHE_BASE}/atlas/atlasdatadisk/README_RESTORE.txt`, code: 201, ip: x, port: rng.int(30_000, 60_000), agent: 'curl/8.5.0', ...who, session: dcacheSession(rng), duration: 31 }));
    return {
      summary: `FTS was given a destination token (jti ${jti}) valid 9 days with storage.modify:/; it was reused from ${x} on 2026-11-23 to delete ${victims.length} files and write a note.`,
      from: t,
      to: u + 40_000,
      questions: standardQuestions(w, u - MIN, u + 2 * MIN, [x], `In this period atlas storage was used from ${x} (the reused FTS token).`),
      compromised: [await incidentToken(token, { jti, iss: w.atlas.iss, sub: ddmSub, user: 'atlas-ddm (service)', kind: 'access', why: `FTS destination token reused from ${x} two days after the transfer`, refs: ['fts-token'] })],
      flagged: [await incidentToken(token, { jti, iss: w.atlas.iss, sub: ddmSub, user: 'atlas-ddm (service)', kind: 'access', why: 'lifetime 9 days (> 7 days) and storage.modify:/ (delete power over the whole namespace) for a single-file transfer', refs: ['fts-token'] })],
      attackerIps: [x],
      affectedUsers: ['atlas-ddm (service)'],
      affectedPilots: [],
      affectedPayloads: [],
      expectedFindings: ['policy.lifetime.max7d', 'policy.scope.delete-power', 'misuse.foreign-ip'],
      noHighSeverity: false,
      containment: [
        ...BASE_CONTAINMENT,
        `Ban the subject ${ddmSub} / token jti ${jti} at the dCache door until it expires, and block ${x}.`,
        'Ask atlas and the FTS operators to issue per-file tokens with the file path as scope (storage.create:<path>) and a lifetime of hours, not days.',
        `Restore the deleted files from other replicas: ${victims.join(', ')}.`,
      ],
      handover: `Reason for hand-over: on 2026-11-23 four atlas files vanished from our dCache and a README_RESTORE.txt appeared. The FTS operators sent us the token of the last transfer into that area (captured/). Please find out what happened.`,
    };
  },
};
