/** Offline signature verification with jose: a JWKS file or a PEM public key, never the network. */
import { createLocalJWKSet, decodeProtectedHeader, importSPKI, type JSONWebKeySet, jwtVerify } from 'jose';

export type VerifyStatus = 'valid' | 'invalid' | 'no-key';

export interface VerifyResult {
  status: VerifyStatus;
  reason?: string;
}

/** Verifies a compact JWS. `at` is used as the current time for exp/nbf checks (default: not checked). */
export async function verifyToken(token: string, key: { jwks?: JSONWebKeySet; pem?: string }, at?: number): Promise<VerifyResult> {
  if (!key.jwks && !key.pem) return { status: 'no-key' };
  let alg: string;
  try {
    alg = String(decodeProtectedHeader(token).alg);
  } catch (e) {
    return { status: 'invalid', reason: `header does not decode: ${(e as Error).message}` };
  }
  if (alg === 'none') return { status: 'invalid', reason: 'unsigned (alg none)' };
  try {
    const opts = at === undefined ? { currentDate: new Date(0), clockTolerance: Number.MAX_SAFE_INTEGER } : { currentDate: new Date(at) };
    if (key.jwks) await jwtVerify(token, createLocalJWKSet(key.jwks), opts);
    else await jwtVerify(token, await importSPKI(key.pem!, alg), opts);
    return { status: 'valid' };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') return { status: 'no-key', reason: 'no key in the JWKS matches the token kid/alg' };
    return { status: 'invalid', reason: `${code ? `${code}: ` : ''}${(e as Error).message}` };
  }
}
