import type { TokenInfo } from './token';

/** Sharing profiles: what leaves besides secrets. */
export const REDACTION_PROFILES = ['csirt', 'vo', 'public'] as const;
export type RedactionProfile = (typeof REDACTION_PROFILES)[number];

/** A credential found in a line, after redaction. Positions are in the redacted text. */
export interface SecretSighting {
  start: number;
  end: number;
  token: TokenInfo;
}

/** A line after the redactor: the only form of a line anything downstream sees. */
export interface RedactedLine {
  /** 1-based line number in its input. */
  line: number;
  /** Redacted text. */
  text: string;
  /** Credentials that were in the line (decoded, fingerprinted). */
  secrets: SecretSighting[];
  /** True when the line was cut at the line-length limit. */
  truncated?: boolean;
  /** True when the bytes were not valid UTF-8 (replacement characters inserted). */
  invalidUtf8?: boolean;
}

/** Counts per credential kind, for the case and the `--stats` output. */
export type RedactionCounts = Partial<Record<TokenInfo['kind'], number>>;

/**
 * The line redactor ingestion runs every line through (src/redact implements it).
 * Returns synchronously when the line holds no credential candidate (the hot path), a promise
 * otherwise (fingerprinting uses crypto.subtle).
 */
export interface LineRedactor {
  redactLine(text: string, line: number): RedactedLine | Promise<RedactedLine>;
  /** Counts per kind so far. */
  counts(): RedactionCounts;
  /** Every distinct credential seen so far, by fingerprint (claims only, never the secret). */
  tokens(): TokenInfo[];
}
