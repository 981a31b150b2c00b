#!/usr/bin/env node
// Generates the synthetic RSA-2048 signing keys of the scenario generator's fictional issuers
// (src/scenario/keys/test-issuer-keys.ts). Run once; the output is committed so generated bundles
// are byte-identical everywhere (RS256 signatures are deterministic for a fixed key, key
// generation is not). These keys sign tokens for *.example-iam.org only: test data, never trust them.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ISSUERS = ['atlas', 'cms', 'lhcb'];

async function main() {
  const out = {};
  for (const vo of ISSUERS) {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    out[vo] = { kty: jwk.kty, n: jwk.n, e: jwk.e, d: jwk.d, p: jwk.p, q: jwk.q, dp: jwk.dp, dq: jwk.dq, qi: jwk.qi, alg: 'RS256', kid: `${vo}-test-2026` };
  }
  const text = `/**
 * TEST-ONLY RSA keys of the fictional issuers (https://<vo>-auth.example-iam.org/) that sign the
 * tokens in generated scenario bundles. Made by scripts/gen-scenario-keys.cjs; committed so the
 * generator is deterministic. They protect nothing: never configure them as a trusted issuer.
 */
export interface TestRsaJwk {
  kty: string; n: string; e: string; d: string; p: string; q: string; dp: string; dq: string; qi: string;
  alg: 'RS256'; kid: string;
}

export const TEST_ISSUER_KEYS: Record<string, TestRsaJwk> = ${JSON.stringify(out, null, 2)};
`;
  fs.writeFileSync(path.join(__dirname, '..', 'src', 'scenario', 'keys', 'test-issuer-keys.ts'), text);
}
main();
