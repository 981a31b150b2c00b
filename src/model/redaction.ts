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
