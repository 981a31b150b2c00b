import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../redact/corpus';
import { inspectSecret } from './decode';
import { findInTokenFile, findSecrets, JWE_RE } from './find';
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

describe('finder guards', () => {
  it('finds each opaque form whatever other literals the line holds (the per-finder pre-checks never skip one)', () => {
    const opaque = 'Zk9QcVd4eTNrTGw4TjJtUjd0Qg';
    const cases: [string, string][] = [
      [`export OIDC_AT=${opaque}`, 'bearer'],
      [`vault_token=s.${'A1b2C3d4'.repeat(3)} ok`, 'vault'],
      [`X-VAULT-TOKEN: s.${'A1b2C3d4'.repeat(3)}`, 'vault'],
      [`MyToken: ${'a1B2'.repeat(16)}`, 'mytoken-short'],
      [`Cookie: mod_auth_openidc_session=${opaque}`, 'cookie'],
      [`GET /x?access_token=${opaque} HTTP/1.1`, 'bearer'],
      [`fetch https://alice:${opaque}@se01.example.org/f`, 'url-password'],
    ];
    for (const [line, hint] of cases) {
      const found = findSecrets(line);
      expect(found.map((m) => m.hint), line).toEqual([hint]);
      expect(line.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.value);
    }
  });
});

describe('JWE pattern', () => {
  it('finds exactly what the plain backtracking form finds (fuzzed token-like text)', () => {
    const b64 = 'A-Za-z0-9_-';
    const plain = new RegExp(`eyJ[${b64}]{4,}\\.[${b64}]*\\.[${b64}]{2,}\\.[${b64}]{2,}\\.[${b64}]{2,}`, 'g');
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    // Near-JWE text: `eyJ` and up to six segments of 0-8 alphabet pieces, separators mostly `.`.
    const segment = () => Array.from({ length: Math.floor(next() * 9) }, () => pick(['a', 'Zz', '_', '-', 'x9', 'eyJ'])).join('');
    const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => `${m.index}:${m[0]}`).join('|');
    let found = 0;
    for (let i = 0; i < 20000; i++) {
      let s = pick(['', 'x ', 'eyJ', 'a.']);
      for (let k = 0; k < 2; k++) {
        s += 'eyJ';
        const segments = 3 + Math.floor(next() * 4);
        for (let j = 0; j < segments; j++) s += segment() + (j < segments - 1 ? pick(['.', '.', '.', '.', '..', ' ', '=']) : '');
        s += pick(['', ' ', '.', ',']);
      }
      const want = all(plain, s);
      expect(all(JWE_RE, s), s).toBe(want);
      if (want) found++;
    }
    expect(found).toBeGreaterThan(1000); // the fuzz does produce five-segment tokens
    expect(all(JWE_RE, `x ${corpus.tokens.jwe} y`)).toBe(all(plain, `x ${corpus.tokens.jwe} y`));
  });
});
