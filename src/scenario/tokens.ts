/**
 * Tokens of the fictional issuers: RS256-signed with the committed test keys (RSASSA-PKCS1-v1_5
 * signatures are deterministic, so bundles are byte-identical), IAM-style unsigned refresh tokens,
 * fingerprints (SHA-256 hex of the compact token, as the rest of tokentrail computes them) and
 * the public JWKS that goes into the bundle for offline verification.
 */
import { importJWK, type JWTPayload, SignJWT } from 'jose';
import { TEST_ISSUER_KEYS } from './keys/test-issuer-keys';
import type { Vo } from './world';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;
const keyCache = new Map<string, Promise<SigningKey>>();

function signingKey(vo: Vo): Promise<SigningKey> {
  let k = keyCache.get(vo.name);
  if (!k) {
    const jwk = TEST_ISSUER_KEYS[vo.name];
    if (!jwk) throw new Error(`no test key for issuer ${vo.name}`);
    k = importJWK({ ...jwk }, 'RS256');
    keyCache.set(vo.name, k);
  }
  return k;
}

/** A signed compact JWS for `vo`'s issuer. */
export async function signToken(vo: Vo, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: vo.kid }).sign(await signingKey(vo));
}

function b64url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** IAM refresh token: a PlainJWT (`alg: none`) carrying only jti/iss/iat/exp, trailing dot. */
export function refreshToken(iss: string, jti: string, iat: number, exp: number): string {
  return `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify({ iss, exp, iat, jti }))}.`;
}

/** SHA-256 hex of the exact compact token. */
export async function fingerprint(token: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Public keys of the fictional issuers, as `/jwks` would serve them. */
export function publicJwks(): { keys: Array<Record<string, string>> } {
  return {
    keys: Object.values(TEST_ISSUER_KEYS).map((k) => ({ kty: k.kty, kid: k.kid, alg: k.alg, use: 'sig', n: k.n, e: k.e })),
  };
}

/** WLCG-profile storage token claims for a payload. */
export function storageClaims(vo: Vo, sub: string, jti: string, iatMs: number, expMs: number, scope: string, aud: string): JWTPayload {
  return {
    'wlcg.ver': '1.0',
    sub,
    aud,
    nbf: Math.floor(iatMs / 1000),
    scope,
    iss: vo.iss,
    exp: Math.floor(expMs / 1000),
    iat: Math.floor(iatMs / 1000),
    jti,
    client_id: 'a1b2c3d4-0000-4000-8000-panda0server',
    'wlcg.groups': [`/${vo.name}`],
  };
}
