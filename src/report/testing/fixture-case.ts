/**
 * A small stolen-token case as the pipeline produces it (redacted lines, decoded tokens, findings
 * with evidence), for report tests. Identifiers are the synthetic ones of DOMAIN.md.
 */
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS } from '../../model/case';
import type { TgEvent } from '../../model/event';
import type { TraceAnswer } from '../../model/trace';
import { TOOL_VERSION } from '../../model/version';

const FP = '3f9a1c0d2b7e4a61'.padEnd(64, '0');
const SUB = '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11';
const OTHER_SUB = 'bad0c0de-0000-4000-8000-00000000f00d';
const JTI = '3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60';
const ISS = 'https://cms-auth.example-iam.org/';
const REDACTED_JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InJzYTEifQ.eyJzdWIiOiI3YzFlMGY1YSJ9.[sig-redacted:3f9a1c0d2b7e4a61]';

function ev(id: string, iso: string, input: string, line: number, kind: TgEvent['kind'], ids: TgEvent['ids'], text: string, summary?: string): TgEvent {
  return { id, time: { ts: Date.parse(iso), text: iso }, src: { input, line, parser: 'test' }, kind, ids, text, ...(summary ? { summary } : {}) };
}

export const FIXTURE_PEOPLE = {
  users: ['alice', 'bob'],
  subjects: [SUB, OTHER_SUB],
  emails: ['alice@example-site.org'],
  ips: ['203.0.113.7', '192.0.2.15', '10.1.0.42'],
  hosts: ['wn042.example-site.org', 'se01.example-site.org', 'ce01.example-site.org'],
};

export function fixtureCase(): Case {
  const events: TgEvent[] = [
    ev('e0.10', '2026-11-23T13:02:11.000Z', 'ce01.example-site.org/var/log/condor-ce/AuditLog', 10, 'token.use',
      { host: 'ce01.example-site.org', ip: '192.0.2.15', sub: SUB, iss: ISS, jti: JTI, user: 'alice', vo: 'cms', tokenFps: [FP] },
      `11/23/26 14:02:11 (cid:88412) AuthMethod=SCITOKENS, AuthId=${ISS},${SUB}, CondorId=alice@users.htcondor.org`),
    ev('e1.4', '2026-11-23T13:10:04.221Z', 'wn042.example-site.org/pilot/pilotlog.txt', 4, 'payload.start',
      { host: 'wn042.example-site.org', ip: '10.1.0.42', payloadId: '6871234567', pilotId: 'pilot-1', user: 'alice', vo: 'cms' },
      '2026-11-23 13:10:04,221 | INFO     | PanDA job id: 6871234567 (user alice, alice@example-site.org)'),
    ev('e1.9', '2026-11-23T13:11:00.000Z', 'wn042.example-site.org/pilot/pilotlog.txt', 9, 'token.exposure',
      { host: 'wn042.example-site.org', tokenFps: [FP] },
      `2026-11-23 13:11:00,000 | DEBUG    | env BEARER_TOKEN=${REDACTED_JWT}`, 'token printed into a world-readable pilot log'),
    ev('e2.3', '2026-11-23T14:05:41.512Z', 'se01.example-site.org/var/log/dcache/webdavDomain.access', 3, 'storage.access',
      { host: 'se01.example-site.org', ip: '203.0.113.7', sub: SUB, jti: JTI, op: 'write', endpoint: '/pnfs/example-site.org/data/cms/store/user/alice/out.root', status: '201' },
      `level=INFO ts=2026-11-23T15:05:41.512+0100 event=org.dcache.webdav.request request.method=PUT request.url=https://se01.example-site.org:2880/pnfs/example-site.org/data/cms/store/user/alice/out.root response.code=201 socket.remote=203.0.113.7:40022 user.sub=${SUB}@cms user.jti=${JTI}@cms`),
    ev('e2.4', '2026-11-23T14:06:00.000Z', 'se01.example-site.org/var/log/dcache/webdavDomain.access', 4, 'storage.access',
      { host: 'se01.example-site.org', ip: '198.51.100.23', sub: OTHER_SUB, user: 'bob', op: 'read', endpoint: '/pnfs/example-site.org/data/atlas/file02.root', status: '200', vo: 'atlas' },
      `level=INFO ts=2026-11-23T15:06:00.000+0100 event=org.dcache.webdav.request request.method=GET socket.remote=198.51.100.23:5000 user.sub=${OTHER_SUB}@atlas bob`),
  ];
  const evidence = (e: TgEvent) => ({ eventId: e.id, input: e.src.input, line: e.src.line, text: e.text });
  return {
    format: CASE_FORMAT,
    id: 'case-fixture',
    name: 'stolen token at example-site',
    tool: { name: 'tokentrail', version: TOOL_VERSION },
    settings: DEFAULT_SETTINGS,
    profile: 'csirt',
    inputs: events.map((e, i) => ({ path: e.src.input, size: 1000 + i, sha256: String(i).repeat(64).slice(0, 64), parser: 'test', events: 1, problems: 0, tz: 'Europe/Zurich' })),
    events,
    tokens: [
      {
        fp: FP, kind: 'wlcg', redacted: REDACTED_JWT, length: 812, header: { alg: 'RS256', kid: 'rsa1' },
        claims: { sub: SUB, iss: ISS, jti: JTI, email: 'alice@example-site.org', scope: 'storage.modify:/', aud: 'https://wlcg.cern.ch/jwt/v1/any', 'wlcg.ver': '1.0' },
        iss: ISS, sub: SUB, aud: ['https://wlcg.cern.ch/jwt/v1/any'], scopes: [{ raw: 'storage.modify:/', action: 'storage.modify', path: '/' }],
        groups: ['/cms'], jti: JTI, iat: 1795438931, exp: 1796216531, lifetimeS: 777600,
      },
    ],
    entities: [
      { id: 'ip:203.0.113.7', kind: 'ip', key: '203.0.113.7', label: '203.0.113.7', attrs: {}, events: ['e2.3'], eventCount: 1 },
      { id: `identity:${ISS}|${SUB}`, kind: 'identity', key: `${ISS}|${SUB}`, label: `alice (${SUB})`, attrs: { vo: 'cms', sub: SUB, user: 'alice' }, events: ['e0.10'], eventCount: 1 },
      { id: 'pilot:pilot-1', kind: 'pilot', key: 'pilot-1', label: 'pilot-1', attrs: {}, events: ['e1.4'], eventCount: 1 },
      { id: 'payload:6871234567', kind: 'payload', key: '6871234567', label: '6871234567', attrs: {}, events: ['e1.4'], eventCount: 1 },
      { id: 'host:wn042.example-site.org', kind: 'host', key: 'wn042.example-site.org', label: 'wn042.example-site.org', attrs: {}, events: ['e1.4'], eventCount: 1 },
    ],
    links: [],
    findings: [
      {
        id: `misuse.foreign-ip:${FP}`, rule: 'misuse.foreign-ip', severity: 'critical',
        title: 'Token used from an IP where none of its pilots ran',
        explanation: `Token jti=${JTI} of alice was used from 203.0.113.7 while its pilot pilot-1 ran on wn042.example-site.org (10.1.0.42).`,
        source: 'tokentrail misuse rules',
        entities: [`token:${FP}`, 'ip:203.0.113.7', `identity:${ISS}|${SUB}`, 'pilot:pilot-1', 'payload:6871234567', 'host:wn042.example-site.org'],
        evidence: [evidence(events[3]!), evidence(events[1]!)],
        containment: [`Revoke at ${ISS} the token jti=${JTI}; suspend subject ${SUB}`, 'Ban subject at se01.example-site.org', 'Kill pilot pilot-1'],
      },
      {
        id: `exposure.token-in-log:${FP}`, rule: 'exposure.token-in-log', severity: 'high', title: 'Token present in a log file',
        explanation: 'A bearer token was printed in wn042.example-site.org/pilot/pilotlog.txt:9.', source: 'WLCG TTT minutes 21 Feb 2024',
        entities: [`token:${FP}`], evidence: [evidence(events[2]!)], containment: ['Rotate exposed token 3f9a1c0d2b7e4a61; purge wn042.example-site.org/pilot/pilotlog.txt:9'],
      },
    ],
    problems: [],
    redaction: { wlcg: 2 },
  };
}

export function fixtureAnswers(): TraceAnswer[] {
  const c = fixtureCase();
  const e = c.events[3]!;
  return [
    {
      question: 'V1',
      query: { at: e.time.ts, ip: '203.0.113.7' },
      candidates: [
        {
          vo: 'cms', jobIds: ['40118.0'], pilotIds: ['pilot-1'], payloadIds: ['6871234567'], users: ['alice'], ips: ['203.0.113.7'], tokens: [c.tokens[0]!.fp], hosts: ['wn042.example-site.org'],
          confidence: 'inferred', reason: 'token jti shared with the payload of alice', evidence: [{ eventId: e.id, input: e.src.input, line: e.src.line, text: e.text }],
        },
      ],
      ambiguous: false,
      gaps: [],
      explanation: 'At 2026-11-23T14:05:41Z, 203.0.113.7 used the token of alice (payload 6871234567 in pilot pilot-1).',
      clockToleranceMs: 120000,
    },
  ];
}
