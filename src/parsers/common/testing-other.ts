/**
 * Test harness for parsers (storage/issuer/pilot/generic side): runs a parser over text the way
 * ingestion does (line by line, then `end()`), collecting events and problems. Lines get no
 * `secrets` unless the test passes them, because the redactor is not part of parser tests.
 */
import type { EventDraft } from '../../model/event';
import type { LogParser, ParseContext } from '../../model/parser';
import type { Problem } from '../../model/problem';
import type { RedactedLine, SecretSighting } from '../../model/redaction';
import type { TokenInfo } from '../../model/token';

export interface RunOptions {
  name?: string;
  tz?: string;
  year?: number;
  fileTimeMs?: number;
  /** Credentials per 1-based line number, as the redactor would report them. */
  secrets?: Record<number, SecretSighting[]>;
}

export interface RunResult {
  events: EventDraft[];
  problems: Omit<Problem, 'input'>[];
}

/** Runs `parser` over `text` (split on \n, a trailing empty line dropped). */
export function runParserOther(parser: LogParser, text: string, opts: RunOptions = {}): RunResult {
  const problems: Omit<Problem, 'input'>[] = [];
  const ctx: ParseContext = {
    input: opts.name ?? 'input.log',
    tz: opts.tz ?? 'UTC',
    year: opts.year ?? 2026,
    yearSource: 'analyst',
    fileTimeMs: opts.fileTimeMs,
    problem: (p) => problems.push(p),
  };
  const lp = parser.open(ctx);
  const events: EventDraft[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((t, i) => {
    const rl: RedactedLine = { line: i + 1, text: t.replace(/\r$/, ''), secrets: opts.secrets?.[i + 1] ?? [] };
    events.push(...lp.line(rl));
  });
  events.push(...lp.end());
  return { events, problems };
}

/** A fake redactor finding (no secret material): fingerprint plus the claims a test needs. */
export function fakeSecret(fp: string, claims: Partial<TokenInfo> = {}, start = 0, end = 10): SecretSighting {
  return {
    start,
    end,
    token: { fp, kind: 'wlcg', redacted: `eyJ..eyJ...[sig-redacted:${fp.slice(0, 16)}]`, length: 800, aud: [], scopes: [], groups: [], ...claims },
  };
}

/** Lines that are not the parser's format: used by every malformed-line test. */
export function junkLines(): string[] {
  return [
    'garbage garbage garbage',
    '\u0000\u0001\u0002\u00ff\ufffd\ufffd binary junk \u0007',
    'x'.repeat(100_000),
    '',
    '{"truncated": "json',
    '11/23/26 14:02:11 (cid:88412) Command=QMGMT_WRITE_CMD, peer=<198.51.100.23:40211>',
  ];
}
