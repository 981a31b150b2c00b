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
// Written for speed (a few distinct literals, no case variants: `earer` covers Bearer/bearer,
// `oken` Token/token/mytoken, `OKEN` TOKEN; the URL part starts at `//`, not the commoner `:`):
// it is the one regex every line meets. It may say yes too often, never no wrongly.
// `[Mm][Yy]…`: MYTOKEN_RE ignores case, so `MyTokeN: …` (neither `oken` nor `OKEN`) is a candidate too.
const CANDIDATE = /eyJ|earer|oken|OKEN|[Mm][Yy][Tt][Oo][Kk][Ee][Nn]|OIDC_AT|hv[sbr]\.|authz=|-----BEGIN|openidc_session|\/\/[^\s/@:]+:[^\s/@]+@/;
export function mayContainSecret(text: string): boolean {
  return CANDIDATE.test(text);
}
/** The same pre-check as a fresh global regex, for scanning a whole chunk of lines at once. */
export function candidateScanner(): RegExp {
  return new RegExp(CANDIDATE.source, 'g');
}

const B64URL = 'A-Za-z0-9_-';
/** A base64url run taken whole (`(?=(…))\N`, an atomic group): for runs a `.` must follow. */
const wholeRun = (min: string, n: number) => `(?=([${B64URL}]${min}))\\${n}`;
// Five segments. Each of the first four can only end at a `.` (not in the alphabet), so shorter
// runs never match; taking each whole spares the backtracking the plain form did through every
// three-segment JWS (a fifth of the time of a line holding one).
export const JWE_RE = new RegExp(`eyJ${wholeRun('{4,}', 1)}\\.${wholeRun('*', 2)}\\.${wholeRun('{2,}', 3)}\\.${wholeRun('{2,}', 4)}\\.[${B64URL}]{2,}`, 'g');
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
const URL_USERINFO = /:\/\/[^\s:/@]{1,128}:[^\s@/]{1,256}@/;
const PEM_INLINE_RE = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/g;

/** Values that are already redacted upstream (XRootD, FTS, common log scrubbers, ours). */
export function isRedactionMarker(v: string): boolean {
  return /^(REDACTED|<redacted>|\*{3,}|\[REDACTED\]|xxx+|\.\.\.|%3Credacted%3E|\[(?:sig|secret|jwe)-redacted)/i.test(v) || /^eyJhb\.\.\.[A-Za-z0-9_-]{5}$/.test(v);
}

/** Our own markers, with or without a kind: `[sig-redacted:<fp16>]`, `[secret-redacted:vault:<fp16>]`, `[jwt:<fp16>]`. */
const OUR_MARKER = /\[(?:(?:sig|jwe|secret)-redacted|jwt):(?:[a-z-]+:)?[0-9a-f]{16}(?:\]|$)/g; // `]` may have been trimmed off
/** What a redacted JWS/JWE keeps: its header, and for a JWS its payload. */
const KEPT_PART = /^eyJ[A-Za-z0-9_-]*(?:\.(?:eyJ[A-Za-z0-9_-]*\.?)?)?$/;
const MARKER_AFTER = /^\.?\[(?:sig|jwe)-redacted:[0-9a-f]{16}\]/;

/**
 * True when `value` at `start` is (part of) tokentrail's own redacted form, so that redacting
 * redacted text changes nothing. Only the kept header/payload qualifies: a value holding anything
 * else besides our markers is still a secret (fail closed).
 */
function isOurRedactedForm(text: string, start: number, value: string): boolean {
  const stripped = value.replace(OUR_MARKER, '');
  if (stripped !== value) return stripped === '' || KEPT_PART.test(stripped.replace(/[.,;:)\]}'"]+$/, ''));
  return KEPT_PART.test(value) && MARKER_AFTER.test(text.slice(start + value.length, start + value.length + 40));
}

function push(out: SecretMatch[], text: string, start: number, value: string, hint: SecretHint): void {
  const end = start + value.length;
  // Overlap first: a token found by a specific finder is found again by the generic ones (a JWT
  // after `Bearer`), and the marker checks below scan the whole value.
  for (const m of out) if (start < m.end && end > m.start) return; // first (more specific) match wins
  if (!value || isRedactionMarker(value) || isOurRedactedForm(text, start, value)) return;
  out.push({ start, end, hint, value });
}

/** Every credential in `text`, non-overlapping, in order of position. */
export function findSecrets(text: string): SecretMatch[] {
  return mayContainSecret(text) ? findSecretsInCandidate(text) : [];
}

/** `findSecrets` for a text `mayContainSecret` already said yes to (the redactor checks every line first). */
export function findSecretsInCandidate(text: string): SecretMatch[] {
  return find(text, false);
}

/**
 * `findSecretsInCandidate` with every literal gate open (each finder's regex runs on the line):
 * for tests, which check that the gates never change what is found.
 */
export function findSecretsUngated(text: string): SecretMatch[] {
  return find(text, true);
}

// Each finder runs only when a literal every one of its matches contains is in the line (unless
// `open`): candidate lines stay cheap. The literals are chosen for a rare first character, which
// the native search looks for first (`yJ` for `eyJ`, `ken=` for `token=`: candidate lines are
// full of `e` and `t`; 0.5 µs per candidate line).
function find(text: string, open: boolean): SecretMatch[] {
  const out: SecretMatch[] = [];
  if (open || text.includes('BEGIN')) for (const m of execAll(PEM_INLINE_RE, text)) push(out, text, m.index, m[0], 'private-key');
  if (open || text.includes('yJ')) {
    for (const m of execAll(JWE_RE, text)) push(out, text, m.index, m[0], 'jwe');
    for (const m of execAll(JWT_RE, text)) {
      // Our own redacted form `header.payload.[sig-redacted:…]` is not a token (but a real
      // signature followed by such a marker is).
      if (m[0].endsWith('.') && isOurRedactedForm(text, m.index, m[0])) continue;
      push(out, text, m.index, m[0], 'jwt');
    }
  }
  if (open || text.includes('hv')) for (const m of execAll(VAULT_RE, text)) push(out, text, m.index, m[0], 'vault');
  if (/vault[-_]token/i.test(text)) for (const m of execAll(VAULT_LEGACY_RE, text)) push(out, text, m.index + m[0].length - m[1]!.length, m[1]!, 'vault');
  // MYTOKEN_RE ignores case: so does its gate.
  if (open || /mytoken/i.test(text)) for (const m of execAll(MYTOKEN_RE, text)) push(out, text, m.index + m[0].length - m[1]!.length, m[1]!, 'mytoken-short');
  if (open || text.includes('openidc_session')) for (const m of execAll(COOKIE_RE, text)) push(out, text, m.index + m[0].length - m[2]!.length, m[2]!, 'cookie');
  if (open || text.includes('Bearer') || text.includes('bearer')) for (const m of execAll(BEARER_RE, text)) push(out, text, m.index + m[0].length - m[1]!.length, trimValue(m[1]!), 'bearer');
  // The parameter names all end in `token` or are `authz`, then `=` or `"`: the regexes cost
  // several µs per long line and most candidate lines hold none of them (e.g. IAM audit JSON says `refresh_token`).
  if (open || text.includes('ken=') || text.includes('hz=')) {
    for (const m of execAll(PARAM_RE, text)) {
      const v = trimValue(stripBearerPrefix(m[2]!));
      push(out, text, m.index + m[0].length - m[2]!.length + (m[2]!.length - stripBearerPrefix(m[2]!).length), v, v.startsWith('MDA') ? 'macaroon' : 'bearer');
    }
  }
  if (open || text.includes('ken"')) {
    for (const m of execAll(JSON_PARAM_RE, text)) push(out, text, m.index + m[0].length - m[2]!.length - 1, m[2]!, 'bearer');
  }
  if (open || text.includes('KEN=') || text.includes('OIDC_AT=')) for (const m of execAll(ENV_RE, text)) push(out, text, m.index + m[0].length - m[2]!.length, trimValue(m[2]!), m[1] === 'VAULT_TOKEN' ? 'vault' : 'bearer');
  // URL_USERINFO is the part of a URL_PASS_RE match after the scheme; the full regex, which
  // tries a scheme at every word, runs only on a hit. Every userinfo match holds an `@` and a
  // `://` (without the gate the userinfo regex tries every `:` of a line's timestamps).
  const userinfo = open || (text.includes('@') && text.includes('://')) ? URL_USERINFO.exec(text) : null;
  if (userinfo) for (const m of execAll(URL_PASS_RE, text, Math.max(0, userinfo.index - 16))) push(out, text, m.index + m[0].length - 1 - m[1]!.length, m[1]!, 'url-password');
  // `push` keeps no empty value; nearly every candidate line holds no match at all (no sort, no copy).
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/**
 * Every match of the global regex `re` in `text` from `from` on. Speed: an exec loop on the shared
 * regex, not `matchAll`, which copies the regex on every call (up to a dozen per candidate line).
 */
function execAll(re: RegExp, text: string, from = 0): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
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
