/**
 * One text input: lines → redactor → sniffing (first 50 redacted lines) → parser → events.
 * The raw line exists only between the splitter and `redactLine`; everything kept is redacted.
 */
import type { EventDraft, TgEvent } from '../model/event';
import { eventId } from '../model/ids-hash';
import type { InputSample, LineParser, LogParser, ParseContext } from '../model/parser';
import type { Problem } from '../model/problem';
import type { LineRedactor, RedactedLine } from '../model/redaction';
import { type EmbeddedLog, EmbeddedLogs } from './embedded';
import { LINE_BAD_UTF8, LINE_CUT } from './lines';

/** Lines a parser's `detect()` sees. */
export const SNIFF_LINES = 50;

export interface TextInputDeps {
  path: string;
  /** Name parsers sniff (rotation/compression suffixes removed). */
  sniffName: string;
  inputIndex: number;
  redactor: LineRedactor;
  parsers: readonly LogParser[];
  fallback: LogParser;
  ctx: Omit<ParseContext, 'problem'>;
  problem(p: Omit<Problem, 'input'>): void;
  emit(e: TgEvent): void;
  /** Logs embedded in the input (glideinWMS `.err`, see embedded.ts): their lines are taken out and handed here. */
  embedded?: { found(log: EmbeddedLog): void; maxChars: number };
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown }).then === 'function';
}

/** Picks the most confident parser (> 0); ties go to the earlier one in the registry. */
export function chooseParser(sample: InputSample, parsers: readonly LogParser[], fallback: LogParser): LogParser {
  let best: LogParser | undefined;
  let bestScore = 0;
  for (const p of parsers) {
    let score = 0;
    try {
      score = p.detect(sample);
    } catch {
      score = 0; // a parser that throws on a sample does not claim it
    }
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best ?? fallback;
}

export class TextInput {
  /** Chosen parser (undefined until SNIFF_LINES lines were seen or the input ended). */
  parser: LogParser | undefined;
  events = 0;
  private lineNo = 0;
  private head: RedactedLine[] | undefined = [];
  private open: LineParser | undefined;
  private lastLine = 0;
  private k = 0;
  private readonly backLines = new Map<number, number>();
  private readonly embedded: EmbeddedLogs | undefined;

  constructor(private readonly d: TextInputDeps) {
    this.embedded = d.embedded && new EmbeddedLogs(d.embedded.found, d.embedded.maxChars);
  }

  /** Feeds split lines (with LINE_* flags). Awaits only when the redactor returns a promise. */
  async lines(texts: readonly string[], flags: readonly number[]): Promise<void> {
    const { redactor } = this.d;
    for (let i = 0; i < texts.length; i++) {
      const n = ++this.lineNo;
      // An embedded log's lines are its own input's, not this one's: never redacted or parsed here.
      if (this.embedded?.take(texts[i]!, n)) continue;
      const f = flags[i]!;
      let r = redactor.redactLine(texts[i]!, n);
      if (isPromise(r)) r = await r;
      if (f !== 0) this.flag(r, f);
      if (this.open) this.parse(r);
      else this.collect(r);
    }
  }

  /** End of input: choose a parser if not yet, flush the parser. */
  end(): void {
    this.embedded?.end();
    if (!this.open) this.choose();
    let drafts: EventDraft[];
    try {
      drafts = this.open!.end();
    } catch (e) {
      drafts = this.parserError(e, this.lineNo);
    }
    this.drafts(drafts, this.lineNo);
  }

  private flag(r: RedactedLine, f: number): void {
    if (f & LINE_CUT) {
      r.truncated = true;
      this.d.problem({ code: 'line.too-long', line: r.line, message: 'line longer than the limit: cut, the rest of the line skipped' });
    }
    if (f & LINE_BAD_UTF8) {
      r.invalidUtf8 = true;
      this.d.problem({ code: 'line.invalid-utf8', line: r.line, message: 'bytes that are not UTF-8 were replaced by U+FFFD' });
    }
  }

  private collect(r: RedactedLine): void {
    this.head!.push(r);
    if (this.head!.length >= SNIFF_LINES) this.choose();
  }

  private choose(): void {
    const head = this.head ?? [];
    this.head = undefined;
    const { parsers, fallback, sniffName, ctx } = this.d;
    this.parser = chooseParser({ name: sniffName, head: head.map((l) => l.text) }, parsers, fallback);
    // Each field named, not spread: every input's context gets the same object shape, so parser
    // code optimised for one input's context is not thrown away on the next (`ctx.tz` per line).
    this.open = this.parser.open({
      input: ctx.input,
      tz: ctx.tz,
      year: ctx.year,
      yearSource: ctx.yearSource,
      fileTimeMs: ctx.fileTimeMs,
      problem: (p) => this.d.problem(p),
    });
    for (const r of head) this.parse(r);
  }

  // try/catch inline rather than a `safe(() => …)` helper: no closure per line (hot path).
  private parse(r: RedactedLine): void {
    let drafts: EventDraft[];
    try {
      drafts = this.open!.line(r);
    } catch (e) {
      drafts = this.parserError(e, r.line);
    }
    this.drafts(drafts, r.line);
  }

  /** A parser that throws loses that line only: the error becomes a problem record. */
  private parserError(e: unknown, line: number): EventDraft[] {
    this.d.problem({ code: 'parser.error', line: line || undefined, message: `${this.parser?.id}: ${(e as Error).message}` });
    return [];
  }

  private drafts(drafts: EventDraft[], line: number): void {
    for (const dr of drafts) {
      const at = dr.src?.line ?? line;
      this.d.emit(this.toEvent(dr, at));
    }
  }

  private toEvent(dr: EventDraft, line: number): TgEvent {
    let k: number;
    if (line === this.lastLine) k = ++this.k;
    else if (line > this.lastLine) {
      this.lastLine = line;
      k = this.k = 0;
    } else {
      // An event for an earlier line (multi-line records): count per line so ids stay unique.
      k = this.backLines.get(line) ?? 0;
      this.backLines.set(line, k + 1);
      k += 1000;
    }
    this.events++;
    const ev: TgEvent = {
      id: eventId(this.d.inputIndex, line, k),
      time: dr.time,
      src: { input: this.d.path, line, parser: this.parser!.id },
      kind: dr.kind,
      ids: dr.ids,
      text: dr.text,
    };
    if (dr.summary !== undefined) ev.summary = dr.summary;
    if (dr.severity !== undefined) ev.severity = dr.severity;
    return ev;
  }
}
