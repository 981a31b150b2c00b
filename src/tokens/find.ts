/**
 * The credential finder: every place in a text that holds a usable secret, with its position.
 * Conservative where a miss is cheap (ordinary base64, UUIDs, hashes stay) and fail-closed where a
 * miss leaks (anything JWT-shaped is a finding even if it does not decode).
 */

/** What the finder thinks a match is before decoding. */
export type SecretHint =
  | 'jwt' // three segments, header eyJ…
  | 'jwe' // five segments
  | 'bearer' // value after Bearer / access_token= / BEARER_TOKEN= …, shape unknown
  | 'vault'
  | 'mytoken-short'
  | 'cookie'
  | 'url-password'
  | 'private-key'
  | 'macaroon';

export interface SecretMatch {
  start: number;
  end: number;
  hint: SecretHint;
  value: string;
}

/** Cheap pre-check: false means the line certainly holds no credential. */
const CANDIDATE = /eyJ|hv[sbr]\.|[Bb]earer|[Tt]oken["']?\s*[=:]|TOKEN["']?\s*[=:]|authz=|-----BEGIN|:\/\/[^\s/@:]+:[^\s/@]+@|openidc_session|mytoken/;
export function mayContainSecret(text: string): boolean {
  return CANDIDATE.test(text);
}

const B64URL = 'A-Za-z0-9_-';
const JWE_RE = new RegExp(`eyJ[${B64URL}]{4,}\\.[${B64URL}]*\\.[${B64URL}]{2,}\\.[${B64URL}]{2,}\\.[${B64URL}]{2,}`, 'g');
const JWT_RE = new RegExp(`eyJ[${B64URL}]{4,}\\.eyJ[${B64URL}]{2,}\\.[${B64URL}]*`, 'g');
const VAULT_RE = /(?<![A-Za-z0-9_.-])hv[sbr]\.[A-Za-z0-9_-]{20,}/g;
const VAULT_LEGACY_RE = /(?:X-Vault-Token:\s*|VAULT_TOKEN=)["']?([sbr]\.[A-Za-z0-9]{20,})/gi;
/** Header-borne bearer values of any shape. */
const BEARER_RE = /\b[Bb]earer(?:\s+|%20|\+)(?:token(?:\s+|%20))?([A-Za-z0-9\-._~+/=%]{8,})/g;
/** URL / form / JSON parameters that carry a token. */
const PARAM_RE = /(?:^|[?&;\s"'{,(])(access_token|refresh_token|id_token|bearer_token|authz|token)=([^&\s"'<>;,)]{8,})/g;
const JSON_PARAM_RE = /"(access_token|refresh_token|id_token|bearer_token|token|mytoken)"\s*:\s*"([^"]{8,})"/g;
const ENV_RE = /\b(BEARER_TOKEN|ACCESS_TOKEN|REFRESH_TOKEN|OIDC_AT|OIDC_REFRESH_TOKEN|MYTOKEN|VAULT_TOKEN|_CONDOR_SCITOKEN)=["']?([^\s"']{8,})/g;
const COOKIE_RE = /\b(mod_auth_openidc_session)=([^;\s"']{8,})/g;
const MYTOKEN_RE = /\bmytoken[=:\s]+["']?([A-Za-z0-9]{64})(?![A-Za-z0-9])/gi;
const URL_PASS_RE = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s:/@]{1,128}:([^\s@/]{1,256})@/gi;
const PEM_INLINE_RE = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/g;

/** Values that are already redacted upstream (XRootD, FTS, common log scrubbers, ours). */
export function isRedactionMarker(v: string): boolean {
  return /^(REDACTED|<redacted>|\*{3,}|\[REDACTED\]|xxx+|\.\.\.|%3Credacted%3E|\[(?:sig|secret|jwe)-redacted)/i.test(v) || /^eyJhb\.\.\.[A-Za-z0-9_-]{5}$/.test(v);
}

function push(out: SecretMatch[], start: number, value: string, hint: SecretHint): void {
  if (!value || isRedactionMarker(value)) return;
  const end = start + value.length;
  for (const m of out) if (start < m.end && end > m.start) return; // first (more specific) match wins
  out.push({ start, end, hint, value });
}

/** Every credential in `text`, non-overlapping, in order of position. */
export function findSecrets(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  if (!mayContainSecret(text)) return out;
  for (const m of text.matchAll(PEM_INLINE_RE)) push(out, m.index, m[0], 'private-key');
  for (const m of text.matchAll(JWE_RE)) push(out, m.index, m[0], 'jwe');
  for (const m of text.matchAll(JWT_RE)) {
    // Our own redacted form `header.payload.[sig-redacted:…]` is not a token.
    if (text.startsWith('[sig-redacted:', m.index + m[0].length) || text.startsWith('[jwt-', m.index + m[0].length)) continue;
    push(out, m.index, m[0], 'jwt');
  }
  for (const m of text.matchAll(VAULT_RE)) push(out, m.index, m[0], 'vault');
  for (const m of text.matchAll(VAULT_LEGACY_RE)) push(out, m.index + m[0].length - m[1]!.length, m[1]!, 'vault');
  for (const m of text.matchAll(MYTOKEN_RE)) push(out, m.index + m[0].length - m[1]!.length, m[1]!, 'mytoken-short');
  for (const m of text.matchAll(COOKIE_RE)) push(out, m.index + m[0].length - m[2]!.length, m[2]!, 'cookie');
  for (const re of [BEARER_RE]) for (const m of text.matchAll(re)) push(out, m.index + m[0].length - m[1]!.length, trimValue(m[1]!), 'bearer');
  for (const m of text.matchAll(PARAM_RE)) {
    const v = trimValue(stripBearerPrefix(m[2]!));
    push(out, m.index + m[0].length - m[2]!.length + (m[2]!.length - stripBearerPrefix(m[2]!).length), v, v.startsWith('MDA') ? 'macaroon' : 'bearer');
  }
  for (const m of text.matchAll(JSON_PARAM_RE)) push(out, m.index + m[0].length - m[2]!.length - 1, m[2]!, 'bearer');
  for (const m of text.matchAll(ENV_RE)) push(out, m.index + m[0].length - m[2]!.length, trimValue(m[2]!), m[1] === 'VAULT_TOKEN' ? 'vault' : 'bearer');
  for (const m of text.matchAll(URL_PASS_RE)) push(out, m.index + m[0].length - 1 - m[1]!.length, m[1]!, 'url-password');
  return out.filter((m) => m.value.length > 0).sort((a, b) => a.start - b.start);
}

/** `Bearer%20eyJ…` inside `authz=` → the token itself. */
function stripBearerPrefix(v: string): string {
  const m = /^(?:Bearer(?:%20|\+|\s))/i.exec(v);
  return m ? v.slice(m[0].length) : v;
}

/** Trailing punctuation that logs put after a value is not part of it. */
function trimValue(v: string): string {
  return v.replace(/[.,;:)\]}'"]+$/, '');
}

/** Contents of a bearer token file (WLCG discovery: whole file, whitespace trimmed). */
export function findInTokenFile(text: string): SecretMatch[] {
  const trimmed = text.trim();
  if (trimmed.length < 16 || /\s/.test(trimmed)) return findSecrets(text);
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(trimmed)) return findSecrets(text);
  const start = text.indexOf(trimmed);
  const hint: SecretHint = trimmed.split('.').length === 5 ? 'jwe' : trimmed.startsWith('eyJ') ? 'jwt' : /^hv[sbr]\./.test(trimmed) ? 'vault' : 'bearer';
  return [{ start, end: start + trimmed.length, hint, value: trimmed }];
}
