import type { EventDraft } from './event';
import type { Problem } from './problem';
import type { RedactedLine } from './redaction';

/** What a parser may look at to decide whether an input is its format. */
export interface InputSample {
  /** Path of the input (archive members: path inside the archive). */
  name: string;
  /** The first lines (redacted), at most ~50. */
  head: string[];
}

/** `ParseContext.yearSource` of a year taken from the input's file time. */
export const FILE_TIME_YEAR = 'file time';
/**
 * `ParseContext.yearSource` of the analyst's year: taken as given, never moved (a year from a file
 * time or a dated file name is moved for dates after it, see parsers/common/time.ts `yearOfDate`).
 */
export const ANALYST_YEAR = 'analyst setting';

/** Per-input settings and sinks handed to a parser. */
export interface ParseContext {
  input: string;
  /** IANA zone for timestamps without a zone (default `UTC`). */
  tz: string;
  /** Year for timestamps without a year (from the file time or the analyst). */
  year: number;
  /** Where the year came from, for `assumed` (FILE_TIME_YEAR when from the file time). */
  yearSource: string;
  /**
   * Modification time of the input (UTC epoch ms) when known. Parsers of inputs whose lines carry no
   * time (token files, hosts dumps) use it with `assumed: 'file time'`.
   */
  fileTimeMs?: number;
  problem(p: Omit<Problem, 'input'>): void;
}

/** A stateful line parser for one input. Multi-line formats (ClassAds) emit on `end()` or at separators. */
export interface LineParser {
  line(line: RedactedLine): EventDraft[];
  end(): EventDraft[];
}

/** One parser per log source. */
export interface LogParser {
  /** Stable id, e.g. `htcondor.auditlog`. */
  readonly id: string;
  /** Human name, e.g. `HTCondor AuditLog`. */
  readonly label: string;
  /** Confidence 0..1 that the sample is this format. 0 = never. */
  detect(sample: InputSample): number;
  open(ctx: ParseContext): LineParser;
}
