/** What kind of credential a finding is. Drives decoding, redaction form and policy. */
export type TokenKind =
  | 'wlcg' // WLCG Common JWT profile access token (wlcg.ver)
  | 'scitoken' // SciTokens (ver: scitoken:*)
  | 'iam-refresh' // INDIGO IAM refresh token: unsigned JWT (alg none)
  | 'htcondor-idtoken' // HTCondor IDTOKEN (HS256, kid POOL)
  | 'mytoken' // mytoken JWT or short mytoken
  | 'jwt' // other signed JWT
  | 'jwt-unsigned' // other alg:none JWT
  | 'jwe' // encrypted JWT, never decrypted
  | 'vault' // HashiCorp Vault token (hvs./hvb./s.)
  | 'opaque' // bearer value of unknown structure
  | 'macaroon' // dCache/XRootD macaroon
  | 'private-key' // PEM private key block (also inside an X.509 proxy)
  | 'url-password'; // password in scheme://user:pass@host

/** A capability scope split into its action and (optional) path. */
export interface Scope {
  raw: string;
  /** e.g. `storage.read`, `compute.create`, `read` (SciTokens), `condor:/READ`. */
  action: string;
  /** Path for storage.* and SciTokens read:/write:; undefined for compute.* */
  path?: string;
}

/**
 * A credential as tokentrail keeps it: decoded, fingerprinted, never usable.
 * Holds no signature and no opaque secret; `redacted` is the only textual form.
 */
export interface TokenInfo {
  /** SHA-256 hex of the exact credential text as found. The token's identity in a case. */
  fp: string;
  kind: TokenKind;
  /** The redacted form, e.g. `eyJ..eyJ...[sig-redacted:3f9a1c0d2b7e4a61]`. */
  redacted: string;
  /** Length of the original credential in characters (safe to show). */
  length: number;
  /** Decoded JOSE header, where readable. */
  header?: Record<string, unknown>;
  /** Decoded claims, where readable (never for JWE). */
  claims?: Record<string, unknown>;
  iss?: string;
  sub?: string;
  aud: string[];
  scopes: Scope[];
  groups: string[];
  jti?: string;
  /** epoch seconds */
  iat?: number;
  nbf?: number;
  exp?: number;
  /** exp - (nbf ?? iat) in seconds, when both are known. */
  lifetimeS?: number;
  /** Set when the text is shaped like a credential but does not decode; it is still redacted. */
  malformed?: string;
}
