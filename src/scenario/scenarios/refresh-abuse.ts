/**
 * refresh-abuse: alice's IAM refresh token (an unsigned PlainJWT) is printed into a published pilot
 * log; an outside address registers a new OAuth client at IAM and mints access tokens with the
 * refresh token (grant refresh_token, unexpected clientId and source), then reads storage.
 */
import { pilotLogId } from '../backbone';
import { DCACHE_BASE, apache, dcacheLine, dcacheSession, iamAudit, panda } from '../lines';
import { SRC } from '../layout';
import { userClientId } from '../noise';
import { standardQuestions } from '../questions';
import { refreshToken } from '../tokens';
import { INCIDENT_DAY, WINDOW_START, pilotByKey } from '../world';
import { BASE_CONTAINMENT, MIN, incidentToken } from './common';
import type { ScenarioDef } from './types';

export const refreshAbuse: ScenarioDef = {
  name: 'refresh-abuse',
  description: 'An exfiltrated IAM refresh token is used by a new client from an unexpected IP to mint access tokens.',
  async build({ b, w, rng }) {
    const p4 = pilotByKey(w, 'P4');
    const a2 = p4.payloads[0];
    if (!a2) throw new Error('cast is missing payloads');
    const alice = a2.user;
    const rtIat = WINDOW_START + 9 * 3_600_000 + rng.int(0, 3600) * 1000;
    const rtJti = rng.uuid();
    const rt = refreshToken(w.atlas.iss, rtJti, Math.floor(rtIat / 1000), Math.floor(rtIat / 1000) + 30 * 86_400);
    b.add(SRC.iam, rtIat, iamAudit(7, { '@type': 'RefreshTokenIssuedEvent', timestamp: rtIat + w.iam.skewMs, category: 'TOKEN', principal: 'alice', message: 'Issue refresh token', grantType: 'urn:ietf:params:oauth:grant-type:device_code', clientId: userClientId(alice.uid), source: w.ui.ip, scope: 'openid offline_access storage.read:/atlasdatadisk wlcg.groups', subject: alice.sub, tokenJti: rtJti }));

    const log = pilotLogId(b, p4);
    b.add(log, a2.start + 200, panda('DEBUG', `payload environment: HOME=/home/atlas001 PANDAID=${a2.pandaId} OIDC_AGENT_ACCOUNT=atlas OIDC_REFRESH_TOKEN=${rt} BEARER_TOKEN_FILE=/tmp/bt_u${alice.uid}`), 'rt-leak');
    const x = w.attackerIp;
    const logUrl = `/pilotlogs/2026-11-23/${p4.wn.short}/PanDA_Pilot-${p4.factoryJob.replace('.', '_')}/pilotlog.txt`;
    const fetchAt = a2.start + 25 * MIN + rng.int(0, 300) * 1000;
    b.add(SRC.web, fetchAt, apache({ ip: x, method: 'GET', path: logUrl, status: 200, bytes: 51_007, agent: 'python-requests/2.31.0' }));

    const newClient = rng.uuid();
    const reg = fetchAt + 14 * MIN;
    b.add(SRC.iam, reg, iamAudit(22, { '@type': 'ClientRegistrationEvent', timestamp: reg + w.iam.skewMs, category: 'CLIENT', principal: 'anonymousUser', message: `Client registered: ${newClient}`, clientId: newClient, source: x }));
    const minted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const tt = reg + (i + 1) * 9 * MIN;
      const jti = rng.uuid();
      minted.push(jti);
      b.add(SRC.iam, tt, iamAudit(rng.int(1, 40), { '@type': 'AccessTokenIssuedEvent', timestamp: tt + w.iam.skewMs, category: 'TOKEN', principal: 'alice', message: 'Issue access token', grantType: 'refresh_token', clientId: newClient, source: x, scope: 'storage.read:/atlasdatadisk', subject: alice.sub, tokenJti: jti, refreshTokenJti: rtJti }));
      b.add(SRC.dcache, tt + 2 * MIN, dcacheLine({ method: 'GET', url: `${DCACHE_BASE}/atlas/atlasdatadisk/mc23_13p6TeV/DAOD_PHYS.${rng.int(30_000_000, 39_999_999)}._0000${i + 1}.pool.root.1`, code: 200, ip: x, port: rng.int(30_000, 60_000), agent: 'python-requests/2.31.0', sub: alice.sub, jti, op: 'atlas', mapped: `${alice.uid}:41000`, session: dcacheSession(rng), duration: rng.int(5000, 30_000) }));
    }
    const end = reg + 3 * 9 * MIN + 2 * MIN;
    return {
      summary: `alice's refresh token (jti ${rtJti}) was printed into the published pilot log of ${p4.pilotId}; ${x} registered client ${newClient} at IAM and minted ${minted.length} access tokens with it, then read atlas data.`,
      from: a2.start + 200,
      to: end,
      questions: standardQuestions(w, INCIDENT_DAY + 12 * 3_600_000, end, [x], `Includes ${x}: atlas tokens minted from alice's refresh token were used from there.`),
      compromised: [await incidentToken(rt, { jti: rtJti, iss: w.atlas.iss, sub: alice.sub, user: 'alice', kind: 'refresh', why: `printed in the pilot log of ${p4.pilotId} (a job must never hold a refresh token); used by client ${newClient} from ${x}`, refs: ['rt-leak'], mintedJtis: minted })],
      flagged: [],
      attackerIps: [x],
      affectedUsers: ['alice'],
      affectedPilots: [p4],
      affectedPayloads: [a2],
      expectedFindings: ['misuse.refresh-unexpected-client', 'exposure.token-in-log', 'misuse.foreign-ip'],
      noHighSeverity: false,
      containment: [
        ...BASE_CONTAINMENT,
        `Ask the atlas IAM administrators to revoke refresh token ${rtJti}, delete client ${newClient}, and review alice's other grants.`,
        `Block ${x}; remove ${logUrl} from ${w.www.fqdn}.`,
        'Stop passing refresh tokens into jobs: grid jobs must not be OAuth clients.',
      ],
      handover: `Reason for hand-over: the atlas IAM team saw a new OAuth client using alice's refresh token on 2026-11-23 and asks the site whether the token could have leaked here. We collected our CE, worker-node, storage and web logs; the IAM log is from atlas.`,
    };
  },
};
