/**
 * Test harness for parsers: feeds text as redacted lines (no secrets unless a test names some per
 * line; samples hold no credentials) and collects events and problems. Used by unit tests of
 * every parser; not used at runtime.
 */
import type { EventDraft } from '../../model/event';
import type { LogParser } from '../../model/parser';
import type { Problem } from '../../model/problem';
import type { RedactedLine, SecretSighting } from '../../model/redaction';

export interface RunOptions {
  /** Input name (path), as ingestion would pass it. */
  name?: string;
  tz?: string;
  year?: number;
  /** Credentials the redactor would have found, by 1-based line number (tests of exposure paths). */
  secrets?: Record<number, SecretSighting[]>;
}

export interface RunResult {
  events: EventDraft[];
  problems: Problem[];
}

/** Splits text into lines the way ingestion does (LF or CRLF; a final newline adds no line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Runs `parser` over `text` and returns every event (with `src.line` filled) and problem. */
export function runParser(parser: LogParser, text: string, opts: RunOptions = {}): RunResult {
  const input = opts.name ?? 'sample.log';
  const problems: Problem[] = [];
  const events: EventDraft[] = [];
  const lp = parser.open({
    input,
    tz: opts.tz ?? 'UTC',
    year: opts.year ?? 2026,
    yearSource: 'test',
    problem: (p) => problems.push({ ...p, input }),
  });
  const take = (drafts: EventDraft[], line: number) => {
    for (const d of drafts) events.push({ ...d, src: { input, parser: parser.id, ...d.src, line: d.src?.line ?? line } });
  };
  const lines = splitLines(text);
  lines.forEach((t, i) => {
    const rl: RedactedLine = { line: i + 1, text: t, secrets: opts.secrets?.[i + 1] ?? [] };
    take(lp.line(rl), i + 1);
  });
  take(lp.end(), lines.length);
  return { events, problems };
}
