/**
 * Decoding with jose (no hand-written base64url/JSON for tokens): header, claims, kind, identity,
 * scopes, times and the fingerprint (SHA-256 of the exact token text).
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { sha256Hex } from '../model/ids-hash';
import type { TokenInfo, TokenKind } from '../model/token';
import type { SecretHint } from './find';
import { parseScopes } from './scopes';

type Claims = Record<string, unknown>;

const REFRESH_CLAIMS = new Set(['jti', 'iss', 'iat', 'exp', 'sub', 'nbf']);

function classify(header: Record<string, unknown>, claims: Claims | undefined, signed: boolean): TokenKind {
  if (!claims) return 'jwt';
  if (!signed) {
    const keys = Object.keys(claims);
    return keys.every((k) => REFRESH_CLAIMS.has(k)) && 'jti' in claims && !('scope' in claims) ? 'iam-refresh' : 'jwt-unsigned';
  }
  if (typeof claims['wlcg.ver'] === 'string' || typeof claims['wlcg.ver'] === 'number') return 'wlcg';
  const ver = claims.ver;
  if (typeof ver === 'string' && /^scitokens?:/.test(ver)) return 'scitoken';
  if (claims.token_type === 'mytoken' || ('oidc_iss' in claims && ('capabilities' in claims || 'seq_no' in claims))) return 'mytoken';
  if (header.kid === 'POOL' || (header.alg === 'HS256' && typeof claims.scope === 'string' && claims.scope.includes('condor:/'))) return 'htcondor-idtoken';
  if (typeof ver === 'string' && ('authz' in claims || 'scope' in claims) && !('wlcg.ver' in claims)) return 'scitoken';
  return 'jwt';
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Decoded facts of a token, without the fingerprint or redacted form. */
export type DecodedToken = Omit<TokenInfo, 'fp' | 'redacted'>;

/** Decodes a compact JWT/JWE (or records why it could not). */
export function decodeCompact(token: string): DecodedToken {
  const parts = token.split('.');
  const base: DecodedToken = { kind: 'jwt', length: token.length, aud: [], scopes: [], groups: [] };
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch (e) {
    return { ...base, kind: parts.length === 5 ? 'jwe' : 'jwt', malformed: `header does not decode (${(e as Error).message})` };
  }
  if (typeof header.alg !== 'string') return { ...base, header, malformed: 'header has no alg' };
  if (parts.length === 5) return { ...base, kind: 'jwe', header };
  const signed = header.alg !== 'none' && parts[2] !== '';
  let claims: Claims;
  try {
    claims = decodeJwt(token) as Claims;
  } catch (e) {
    return { ...base, header, kind: signed ? 'jwt' : 'jwt-unsigned', malformed: `payload does not decode (${(e as Error).message})` };
  }
  const aud = Array.isArray(claims.aud) ? claims.aud.map(String) : typeof claims.aud === 'string' ? [claims.aud] : [];
  const groupsClaim = claims['wlcg.groups'] ?? claims.groups;
  const iat = num(claims.iat);
  const nbf = num(claims.nbf);
  const exp = num(claims.exp);
  const start = nbf ?? iat;
  return {
    ...base,
    kind: classify(header, claims, signed),
    header,
    claims,
    iss: str(claims.iss),
    sub: str(claims.sub),
    aud,
    scopes: parseScopes(claims.scope ?? claims.scp),
    groups: Array.isArray(groupsClaim) ? groupsClaim.map(String) : typeof groupsClaim === 'string' ? groupsClaim.split(/[ ,]+/).filter(Boolean) : [],
    jti: str(claims.jti),
    iat,
    nbf,
    exp,
    lifetimeS: exp !== undefined && start !== undefined ? exp - start : undefined,
  };
}

/** Kind of a non-JWT secret from the finder's hint and its shape. */
function opaqueKind(hint: SecretHint, value: string): TokenKind {
  if (hint === 'vault' || /^hv[sbr]\./.test(value)) return 'vault';
  if (hint === 'private-key') return 'private-key';
  if (hint === 'url-password') return 'url-password';
  if (hint === 'macaroon' || value.startsWith('MDA')) return 'macaroon';
  if (hint === 'mytoken-short') return 'mytoken';
  return 'opaque';
}

/** Decodes any finder match: JWT-shaped values through jose, everything else as an opaque secret. */
export function decodeSecret(value: string, hint: SecretHint): DecodedToken {
  const looksJwt = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?$/.test(value);
  if (hint === 'jwt' || hint === 'jwe' || looksJwt) return decodeCompact(value);
  return { kind: opaqueKind(hint, value), length: value.length, aud: [], scopes: [], groups: [] };
}

/** SHA-256 hex of the exact token text: the token's identity in a case. */
export function fingerprint(value: string): Promise<string> {
  return sha256Hex(value);
}

/** First 16 hex of a fingerprint, as shown to analysts and in markers. */
export const fp16 = (fp: string) => fp.slice(0, 16);

/** Full TokenInfo: decode, fingerprint and the redacted form (built by `redactedForm`). */
export async function inspectSecret(value: string, hint: SecretHint): Promise<TokenInfo> {
  const decoded = decodeSecret(value, hint);
  const fp = await fingerprint(value);
  return { ...decoded, fp, redacted: redactedForm(value, decoded.kind, fp, decoded.header !== undefined) };
}

/**
 * The one shareable form of a credential. Signed JWS keep header and payload (claims are needed
 * for the timeline) and lose the signature; unsigned JWTs and opaque secrets are valid by value
 * alone and are replaced whole; a JWE keeps only its protected header.
 */
export function redactedForm(value: string, kind: TokenKind, fp: string, headerDecoded: boolean): string {
  const parts = value.split('.');
  if (kind === 'jwe') return headerDecoded ? `${parts[0]}.[jwe-redacted:${fp16(fp)}]` : `[secret-redacted:jwe:${fp16(fp)}]`;
  const jwtKinds: TokenKind[] = ['wlcg', 'scitoken', 'htcondor-idtoken', 'mytoken', 'jwt'];
  if (jwtKinds.includes(kind) && parts.length === 3 && parts[2] !== '' && headerDecoded) return `${parts[0]}.${parts[1]}.[sig-redacted:${fp16(fp)}]`;
  return `[secret-redacted:${kind}:${fp16(fp)}]`;
}
