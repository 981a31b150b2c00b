/**
 * End to end with the real redactor: lines holding a real signed JWT go through
 * `createLineRedactor()` first (as ingestion does), then through the parsers. The parsers must
 * report the exposure with the redactor's fingerprint and the token's identity, and nothing they
 * emit may contain the token or its signature.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogParser } from '../model/parser';
import type { SecretSighting } from '../model/redaction';
import { createLineRedactor } from '../redact/line-redactor';
import { runParserOther } from './common/testing-other';
import { dcacheAccessParser } from './dcache-access';
import { ftsParser } from './fts';
import { genericParser } from './generic';
import { jsonlParser } from './jsonl';
import { pandaPilotParser } from './panda-pilot';
import { tokenFileParser } from './tokenfile';
import { webAccessParser } from './web-access';

const SUB = '159ccec7-45ed-416c-b137-f90efa50d364';
const ISS = 'https://atlas-auth.example-iam.org/';
const JTI = '16433e39-20e6-4723-95a0-b7f786625a0a';

async function token(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ 'wlcg.ver': '1.0', sub: SUB, aud: 'https://se01.example-site.org', scope: 'storage.read:/atlasdatadisk', jti: JTI })
    .setProtectedHeader({ alg: 'RS256', kid: 'atlas-test', typ: 'JWT' })
    .setIssuer(ISS)
    .setIssuedAt(1795420000)
    .setExpirationTime(1795423600)
    .sign(privateKey);
}

async function sha256hex(s: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Redacts `raw` line by line, then runs `parser` over the redacted lines with their sightings. */
async function redactAndParse(parser: LogParser, raw: string, name: string) {
  const redactor = createLineRedactor();
  const texts: string[] = [];
  const secrets: Record<number, SecretSighting[]> = {};
  const rawLines = raw.split('\n');
  for (let i = 0; i < rawLines.length; i++) {
    const r = await redactor.redactLine(rawLines[i]!, i + 1);
    texts.push(r.text);
    if (r.secrets.length) secrets[i + 1] = r.secrets;
  }
  return runParserOther(parser, texts.join('\n'), { name, fileTimeMs: Date.UTC(2026, 10, 24), tz: 'Europe/Zurich', secrets });
}

describe('parsers after the real redactor', () => {
  let jwt = '';
  let fp = '';
  beforeAll(async () => {
    jwt = await token();
    fp = await sha256hex(jwt);
  });
  const cases: [string, LogParser, string, (t: string) => string][] = [
    ['web access log with a logged Authorization header', webAccessParser, 'access_log', (t) => `203.0.113.52 - - [23/Nov/2026:09:12:00 +0100] "GET /pilots/log.txt HTTP/1.1" 200 512 "-" "curl/8.5.0" "Bearer ${t}"`],
    ['generic text', genericParser, 'notes.txt', (t) => `2026-11-23T09:12:00Z copied token ${t} to 203.0.113.52`],
    ['pilot env dump', pandaPilotParser, 'pilotlog.txt', (t) => `2026-11-23 08:12:25,023 | DEBUG    | payload environment: HOME=/home/atlas001 BEARER_TOKEN=${t}`],
    ['token file', tokenFileParser, 'wn017.example-site.org/tmp/bt_u41001', (t) => t],
    ['env dump', tokenFileParser, 'job.env', (t) => `BEARER_TOKEN=${t}`],
    ['dCache access log with a token in the URL', dcacheAccessParser, 'webdavDomain.access', (t) => `level=INFO ts=2026-11-23T09:12:00.000+0100 event=org.dcache.webdav.request request.method=GET request.url=https://se01.example-site.org:2880/data/f.root?authz=${t} response.code=200 socket.remote=203.0.113.52:40000`],
    ['old FTS log with a token in the URL', ftsParser, 'fts.log', (t) => `INFO    Mon, 23 Nov 2026 09:12:00 +0100; Source url: davs://se01.example-site.org/f.root?authz=${t}`],
    ['JSON lines', jsonlParser, 'svc.jsonl', (t) => JSON.stringify({ time: '2026-11-23T09:12:00Z', msg: 'auth', header: `Bearer ${t}` })],
  ];
  for (const [what, parser, name, line] of cases) {
    it(`${what}: exposure with fingerprint and identity, no token in the output`, async () => {
      const { events, problems } = await redactAndParse(parser, line(jwt), name);
      const exposure = events.find((e) => e.kind === 'token.exposure');
      expect(exposure, JSON.stringify(problems)).toBeDefined();
      expect(exposure!.ids.tokenFps).toEqual([fp]);
      expect(exposure!.ids).toMatchObject({ sub: SUB, iss: ISS, jti: JTI });
      expect(exposure!.severity).toBe('high');
      const out = JSON.stringify({ events, problems });
      expect(out).not.toContain(jwt.split('.')[2]!);
      expect(out).not.toContain(jwt);
    });
  }
});
