import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../redact/corpus';
import { inspectSecret } from './decode';
import { findInTokenFile, findSecrets } from './find';
import { judgeToken } from './judge';
import { parseScopes } from './scopes';
import { verifyToken } from './verify';

const corpus = await buildCorpus();

describe('decoder', () => {
  it('classifies every token kind and reads identity, scopes and lifetime', async () => {
    const t = corpus.tokens;
    const k = async (v: string) => (await inspectSecret(v, 'jwt')).kind;
    expect(await k(t.wlcg!)).toBe('wlcg');
    expect(await k(t.sci!)).toBe('scitoken');
    expect(await k(t.idtoken!)).toBe('htcondor-idtoken');
    expect(await k(t.refresh!)).toBe('iam-refresh');
    expect(await k(t.mytokenJwt!)).toBe('mytoken');
    expect(await k(t.jwe!)).toBe('jwe');
    expect((await inspectSecret(t.vault!, 'vault')).kind).toBe('vault');
    const w = await inspectSecret(t.nineDay!, 'jwt');
    expect(w).toMatchObject({ iss: 'https://cms-auth.example-iam.org/', sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11', aud: ['https://wlcg.cern.ch/jwt/v1/any'], lifetimeS: 9 * 86400 });
    expect(w.fp).toMatch(/^[0-9a-f]{64}$/);
    expect(w.redacted).not.toContain(t.nineDay!.split('.')[2]);
  });

  it('parses scopes across profiles', () => {
    expect(parseScopes('storage.read:/store storage.modify:/ compute.create read write:/x condor:/READ')).toEqual([
      { raw: 'storage.read:/store', action: 'storage.read', path: '/store' },
      { raw: 'storage.modify:/', action: 'storage.modify', path: '/' },
      { raw: 'compute.create', action: 'compute.create' },
      { raw: 'read', action: 'read', path: '/' },
      { raw: 'write:/x', action: 'write', path: '/x' },
      { raw: 'condor:/READ', action: 'condor:/READ' },
    ]);
  });

  it('reports malformed tokens with a reason instead of crashing', async () => {
    for (const bad of ['eyJhbGciOi.eyJzdWIi.', 'eyJ!!!!.eyJ....x', `eyJhbGciOiJSUzI1NiJ9.eyJ${'A'.repeat(1_000_000)}.sig`, 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln']) {
      const info = await inspectSecret(bad, 'jwt');
      expect(info.malformed ?? '', bad.slice(0, 30)).toMatch(/does not decode|no alg/);
    }
  });
});

describe('finder', () => {
  it('finds nothing in the negatives', () => {
    for (const n of corpus.negatives) expect(findSecrets(n), n).toEqual([]);
  });
  it('treats a bearer token file as one token', () => {
    const f = findInTokenFile(`${corpus.tokens.wlcg}\n`);
    expect(f).toHaveLength(1);
    expect(f[0]!.value).toBe(corpus.tokens.wlcg);
  });
});

describe('policy judgement', () => {
  it('a 9-day storage.modify:/ WLCG token breaks the 7-day line and has delete power, with sources', async () => {
    const info = await inspectSecret(corpus.tokens.nineDay!, 'jwt');
    const f = judgeToken(info);
    const rules = f.map((x) => x.rule);
    expect(rules).toContain('policy.lifetime.max7d');
    expect(rules).toContain('policy.scope.delete-power');
    expect(rules).toContain('policy.audience.wildcard');
    expect(rules).not.toContain('policy.lifetime.over24h'); // the most severe line only …
    const life = f.find((x) => x.rule === 'policy.lifetime.max7d')!;
    expect(life.explanation).toMatch(/9 d lifetime.*6 h .*exceeded.*24 h .*exceeded.*7 d .*exceeded/); // … naming all lines
    expect(life.source).toMatch(/Token Trust & Traceability WG straw man, 29 Oct 2024/);
    expect(life.containment.join(' ')).toMatch(/Revoke at https:\/\/cms-auth\.example-iam\.org\/ the token with jti=9d9d9d9d/);
  });
  it('per-case overrides move the thresholds', async () => {
    const info = await inspectSecret(corpus.tokens.wlcg!, 'jwt'); // 1 h
    expect(judgeToken(info).map((f) => f.rule)).not.toContain('policy.lifetime.max6h');
    expect(judgeToken(info, { overrides: { 'policy.lifetime.max6h': 1800 } }).map((f) => f.rule)).toContain('policy.lifetime.max6h');
  });
  it('use after expiry and before validity, with clock tolerance', async () => {
    const info = await inspectSecret(corpus.tokens.wlcg!, 'jwt');
    const exp = info.exp! * 1000;
    expect(judgeToken(info, { at: exp + 60_000 }).map((f) => f.rule)).not.toContain('policy.time.used-after-exp');
    expect(judgeToken(info, { at: exp + 600_000 }).map((f) => f.rule)).toContain('policy.time.used-after-exp');
    expect(judgeToken(info, { at: info.iat! * 1000 - 600_000 }).map((f) => f.rule)).toContain('policy.time.used-before-valid');
  });
  it('compute and storage in one token', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const t = await new SignJWT({ 'wlcg.ver': '1.0', aud: 'https://x.example-site.org', scope: 'compute.create storage.read:/data', iat: 1, exp: 3601, iss: 'https://i.example-iam.org/', sub: 's' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect(judgeToken(await inspectSecret(t, 'jwt')).map((f) => f.rule)).toEqual(['policy.scope.compute-and-storage']);
  });
});

describe('offline verification', () => {
  it('valid with the right JWKS or PEM, invalid when tampered, no-key otherwise', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const tok = await new SignJWT({ sub: 'x', exp: 2000000000 }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
    expect((await verifyToken(tok, { jwks: { keys: [jwk] } })).status).toBe('valid');
    expect((await verifyToken(tok, { pem: await exportSPKI(publicKey) })).status).toBe('valid');
    const tampered = `${tok.slice(0, -4)}AAAA`;
    expect((await verifyToken(tampered, { jwks: { keys: [jwk] } })).status).toBe('invalid');
    expect((await verifyToken(tok, {})).status).toBe('no-key');
    expect((await verifyToken(tok, { jwks: { keys: [{ ...jwk, kid: 'other' }] } })).status).toBe('no-key');
  });
});
