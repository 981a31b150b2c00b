/**
 * The token finder's literal gates (src/tokens/find.ts) must never skip a credential: every
 * finder runs only when a literal its matches contain is in the line, so with the gates and with
 * every gate open (findSecretsUngated) the same credentials must come out, on the redaction
 * corpus (raw and already redacted) and on fuzzed text built from the pieces each finder looks for.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../scenario/prng';
import { findSecretsInCandidate, findSecretsUngated, mayContainSecret } from '../tokens/find';
import { buildCorpus } from './corpus';
import { createLineRedactor } from './line-redactor';

const hints = new Set<string>();

function same(text: string): number {
  if (!mayContainSecret(text)) return 0;
  const want = findSecretsUngated(text);
  expect(findSecretsInCandidate(text), JSON.stringify(text)).toEqual(want);
  for (const m of want) hints.add(m.hint);
  return want.length;
}

describe('token finder gates', () => {
  it('find what the ungated finders find on the redaction corpus, raw and redacted', async () => {
    const corpus = await buildCorpus();
    const redactor = createLineRedactor();
    let found = 0;
    for (const line of [...corpus.lines, ...corpus.negatives, ...corpus.pemBlock]) {
      found += same(line);
      same((await redactor.redactLine(line, 1)).text);
    }
    expect(found).toBeGreaterThan(40);
  });

  it('find what the ungated finders find on fuzzed credential-like text', () => {
    const next = rng(11);
    const b64 = 'eyJhbGciOiJSUzI1NiJ9';
    const parts = [
      ' ', ', ', '"', "'", ':', '=', '.', '/', '@', '&', '?', '%20', '\t',
      b64, `${b64}.${b64}.c2lnbmF0dXJlX2J5dGVz`, '.eyJzdWIiOiJ4In0', 'yJ', 'eyJ',
      'Bearer ', 'bearer', 'BEARER ', 'earer ', 'Authorization: ',
      'token=', 'access_token=', 'refresh_token', 'authz=', 'hz=', 'ken=', 'ken"', '"token":"', '"access_token": "', 'id_token',
      'BEARER_TOKEN=', 'OIDC_AT=', 'VAULT_TOKEN=', 'KEN=', 'TOKEN', 'oken', 'OKEN',
      'hvs.', 'hvb.CAESIJlU8mQjJ0o5R5tq', 'hv', 'X-Vault-Token: s.AbCdEfGhIjKlMnOpQrStUv',
      'mod_auth_openidc_session=', 'openidc_session',
      'https://', 'root://', '://', 'user:', 'pa55w0rd', 'h.example.org',
      '-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBg', '-----END PRIVATE KEY-----', 'BEGIN',
      'mytoken=', 'a1B2c3D4e5F6g7H8i9J0a1B2c3D4e5F6g7H8i9J0a1B2c3D4e5F6g7H8i9J0abcd', 'MDAxY2xvY2F0aW9u',
      'x', 'abcdefgh12345678', '[sig-redacted:0123456789abcdef]',
    ];
    let found = 0;
    for (let n = 0; n < 40000; n++) {
      let s = '';
      const len = 1 + Math.floor(next() * 12);
      for (let i = 0; i < len; i++) s += parts[Math.floor(next() * parts.length)];
      found += same(s);
    }
    expect(found).toBeGreaterThan(5000);
    // The fuzz does produce credentials of every kind a gate guards.
    expect([...hints].sort()).toEqual(['bearer', 'cookie', 'jwe', 'jwt', 'macaroon', 'mytoken-short', 'private-key', 'url-password', 'vault']);
  });
});
