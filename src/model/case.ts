import type { Entity, LinkList } from './entity';
import type { TgEvent } from './event';
import type { Finding } from './finding';
import type { Problem } from './problem';
import type { RedactionCounts, RedactionProfile } from './redaction';
import type { TokenInfo } from './token';

export const CASE_FORMAT = 'tokentrail.case/v1' as const;

/** One input (file or archive member) with its chain-of-custody facts. */
export interface InputRecord {
  /** Path as shown, archive members `outer.tar.gz!/inner/path`. */
  path: string;
  size: number;
  sha256: string;
  /** Parser id chosen by sniffing, or `skipped`. */
  parser: string;
  events: number;
  problems: number;
  /** Timezone assumed for times without a zone. */
  tz: string;
  /** Parent archive path when this is a member. */
  parent?: string;
  /**
   * The text's encoding when it is not UTF-8 (from its byte-order mark or NUL pattern): it was
   * transcoded before reading; `size` and `sha256` are those of the original bytes.
   */
  encoding?: 'utf-16le' | 'utf-16be';
}

/** Per-case analysis settings (all have defaults). */
export interface CaseSettings {
  /** Default timezone for zone-less timestamps. */
  tz: string;
  /** Clock-skew tolerance for time joins, ms (default 120000). */
  clockToleranceMs: number;
  /** Policy threshold overrides by rule id. */
  policy?: Record<string, number>;
}

/** The `tokentrail.case/v1` document: what the CLI writes and the app imports/exports. */
export interface Case {
  format: typeof CASE_FORMAT;
  id: string;
  name: string;
  /** ISO time the case was made; the only non-deterministic field, and optional. */
  createdAt?: string;
  tool: { name: 'tokentrail'; version: string };
  settings: CaseSettings;
  profile: RedactionProfile;
  inputs: InputRecord[];
  events: TgEvent[];
  tokens: TokenInfo[];
  entities: Entity[];
  /** In id order; an array once read back from JSON or the store. */
  links: LinkList;
  findings: Finding[];
  problems: Problem[];
  redaction: RedactionCounts;
}

export const DEFAULT_SETTINGS: CaseSettings = { tz: 'UTC', clockToleranceMs: 120_000 };
