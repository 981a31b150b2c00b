/**
 * Ingestion: input sources → (directories are the shell's job) → gzip / tar / zip layers, nested
 * to a depth limit → text inputs → lines → redactor → parser → events, delivered in batches.
 * Every input and archive member gets an InputRecord with its size and SHA-256 (of the bytes as
 * they would be extracted: a `.gz` file as given, a tar/zip member as unpacked).
 */
import type { InputRecord } from '../model/case';
import type { TgEvent } from '../model/event';
import { ANALYST_YEAR, FILE_TIME_YEAR, type LogParser } from '../model/parser';
import type { Problem, ProblemCode } from '../model/problem';
import type { LineRedactor, RedactionCounts } from '../model/redaction';
import type { TokenInfo } from '../model/token';
import { gunzip, type RatioCounter, ratioGuard } from './containers/gzip';
import { unzstd } from './containers/zstd';
import { type ArchiveHost, readTar, readZip } from './archives';
import { type IncrementalHash, nobleSha256 } from './hash';
import { DEFAULT_LIMITS, type IngestLimits } from './limits';
import { LineSplitter } from './lines';
import { memberPath, safeMemberName, sniffName } from './names';
import { contentKind, peekStream, unsupportedFormat } from './peek';
import { transcodeToUtf8 } from './transcode';
import type { EmbeddedLog } from './embedded';
import { type Entry, errText, TotalLimit } from './entry';
import { ProblemLog } from './problems';
import type { InputSource } from './source';
import { TextInput } from './text-input';

/** Base64 characters one embedded log may hold in memory (192 MiB of gzip); a longer one is cut, what it held is read. */
const MAX_EMBEDDED_BASE64 = 256 * 1024 * 1024;

/** Bytes of text split and parsed at a time (see `text`). */
const SLICE = 64 * 1024;

export interface IngestProgress {
  /** Bytes of the given sources read so far / their total (when sizes are known). */
  bytesRead: number;
  bytesTotal: number;
  events: number;
  /** Input being read. */
  input: string;
  inputsDone: number;
}

export interface IngestOptions {
  redactor: LineRedactor;
  parsers: readonly LogParser[];
  /** Parser for text nobody claims (src/parsers/generic). */
  fallback: LogParser;
  limits?: Partial<IngestLimits>;
  /** Default zone for zone-less times (default `UTC`). */
  tz?: string;
  /** Per-input zone override (by display path), e.g. from `--tz-for`. */
  tzFor?: (path: string) => string | undefined;
  /** Year for year-less formats; when set it wins over file times (copies reset mtimes). */
  year?: number;
  /** Receives events in batches, in input and line order. Awaited (backpressure). */
  onEvents?: (batch: TgEvent[]) => void | Promise<void>;
  /**
   * Events per batch (default 500). Small batches are cheaper than they look: a batch lives until
   * it is handed over, so large ones survive young-generation GCs and get copied (measured: 5000
   * → 500 cut the pipeline's GC time by half).
   */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
  /** Incremental SHA-256; default @noble/hashes. Shells may pass a native one. */
  createHash?: () => IncrementalHash;
}

export interface IngestResult {
  inputs: InputRecord[];
  problems: Problem[];
  redaction: RedactionCounts;
  tokens: TokenInfo[];
  events: number;
  /** Decompressed bytes read. */
  bytes: number;
}

/** Reads every source; resolves with the inputs, problems and token facts. */
export async function ingest(sources: readonly InputSource[], opts: IngestOptions): Promise<IngestResult> {
  return new Ingestion(opts).run(sources);
}

class Ingestion {
  private readonly limits: IngestLimits;
  private readonly log: ProblemLog;
  private readonly inputs: InputRecord[] = [];
  private readonly batch: TgEvent[] = [];
  private readonly batchSize: number;
  private readonly createHash: () => IncrementalHash;
  private events = 0;
  private bytes = 0;
  private progress: IngestProgress = { bytesRead: 0, bytesTotal: 0, events: 0, input: '', inputsDone: 0 };
  private lastProgress = 0;

  constructor(private readonly o: IngestOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...o.limits };
    this.log = new ProblemLog(this.limits.maxProblemsPerCode);
    this.batchSize = o.batchSize ?? 500;
    this.createHash = o.createHash ?? nobleSha256;
  }

  async run(sources: readonly InputSource[]): Promise<IngestResult> {
    this.progress.bytesTotal = sources.reduce((n, s) => n + (s.size ?? 0), 0);
    let stopped = false;
    for (const src of sources) {
      this.checkAbort();
      if (stopped) {
        this.problem('input.too-large', src.name, `not read: the total limit of ${this.limits.maxTotalBytes} bytes was reached`);
        continue;
      }
      this.progress.input = src.name;
      try {
        await this.entry({ path: await this.redact(src.name), stream: this.countTop(src.stream()), mtimeMs: src.mtimeMs, depth: 0 });
      } catch (e) {
        if (!(e instanceof TotalLimit)) throw e;
        stopped = true;
      }
      this.progress.inputsDone++;
      this.report(true);
    }
    await this.flush();
    return {
      inputs: this.inputs,
      problems: this.log.problems,
      redaction: this.o.redactor.counts(),
      tokens: this.o.redactor.tokens(),
      events: this.events,
      bytes: this.bytes,
    };
  }

  /** One file or member: record, hash, then its content. */
  private async entry(e: Entry): Promise<InputRecord> {
    const rec: InputRecord = { path: e.path, size: 0, sha256: '', parser: 'skipped', events: 0, problems: 0, tz: this.tzOf(e.path) };
    if (e.parent) rec.parent = e.parent;
    const index = this.inputs.push(rec) - 1;
    const hash = this.createHash();
    let size = 0;
    // Set when the stream ended on its own (not cancelled by a limit): only then is a short body a truncation.
    let ended = false;
    const hashed = e.stream.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          hash.update(chunk);
          size += chunk.length;
          c.enqueue(chunk);
        },
        flush() {
          ended = true;
        },
      }),
    );
    try {
      await this.content(rec, index, hashed, sniffName(e.path), e.depth, e.mtimeMs);
    } finally {
      rec.size = size;
      rec.sha256 = hash.digest();
      if (ended && e.declaredSize !== undefined && size < e.declaredSize) {
        this.problem('archive.truncated', e.path, `member ends early: ${size} of ${e.declaredSize} bytes present (what was read is kept)`);
      }
      this.log.closeInput(e.path);
      rec.problems = this.log.countFor(e.path);
    }
    return rec;
  }

  private async content(rec: InputRecord, index: number, stream: ReadableStream<Uint8Array>, name: string, depth: number, mtimeMs?: number): Promise<void> {
    const peeked = await peekStream(stream, 512);
    const body = peeked.stream;
    if (peeked.error !== undefined && peeked.head.length === 0) {
      this.problem(depth === 0 ? 'input.unreadable' : 'archive.truncated', rec.path, `cannot read: ${errText(peeked.error)}`);
      return;
    }
    const kind = contentKind(peeked.head);
    const tooDeep = (kind === 'gzip' || kind === 'zstd' || kind === 'tar' || kind === 'zip') && depth >= this.limits.maxDepth;
    if (tooDeep) {
      this.problem('archive.too-deep', rec.path, `${kind} nested deeper than ${this.limits.maxDepth} layers: not opened`);
      return this.drain(rec.path, body, false);
    }
    switch (kind) {
      case 'empty':
        this.problem('input.empty', rec.path, 'empty: no bytes');
        return;
      case 'binary': {
        const f = unsupportedFormat(peeked.head);
        if (f) this.problem('archive.unsupported', rec.path, `${f.what}: ${f.how}`);
        else this.problem('input.binary', rec.path, 'skipped: binary content (NUL bytes or control characters in the first KiB)');
        return this.drain(rec.path, body, true);
      }
      case 'gzip':
      case 'zstd':
        return this.decompress(kind, rec, index, body, name, depth, mtimeMs);
      case 'tar':
        rec.parser = 'archive.tar';
        return readTar(this.archiveHost(), rec, body, depth);
      case 'zip':
        rec.parser = 'archive.zip';
        return readZip(this.archiveHost(), rec, body, depth, mtimeMs);
      case 'text':
        return this.text(rec, index, body, name, depth, mtimeMs);
      case 'utf-16le':
      case 'utf-16be':
        // Transcoded to UTF-8 for the line splitter; size and hash stay those of the original bytes.
        rec.encoding = kind;
        return this.text(rec, index, transcodeToUtf8(body, kind), name, depth, mtimeMs);
    }
  }

  private async decompress(format: 'gzip' | 'zstd', rec: InputRecord, index: number, body: ReadableStream<Uint8Array>, name: string, depth: number, mtimeMs?: number): Promise<void> {
    const counter: RatioCounter = { in: 0, out: 0 };
    const raw = format === 'gzip' ? gunzip(body, counter) : unzstd(body, counter);
    const out = raw.pipeThrough(ratioGuard(counter, this.limits.maxRatio, this.limits.ratioGraceBytes, (c) => this.bomb(rec.path, c)));
    const inner = name.replace(/\.(gz|tgz|zst)$/i, (m) => (m.toLowerCase() === '.tgz' ? '.tar' : ''));
    await this.content(rec, index, out, sniffName(inner), depth + 1, mtimeMs);
  }

  private archiveHost(): ArchiveHost {
    return {
      limits: this.limits,
      problem: (code, input, message) => this.problem(code, input, message),
      bomb: (path, c) => this.bomb(path, c),
      entry: (e) => this.entry(e),
      redact: (t) => this.redact(t),
    };
  }

  /** Redacts a name (file, member, link target): line 0 marks it as not a line of an input. */
  private async redact(text: string): Promise<string> {
    return (await this.o.redactor.redactLine(text, 0)).text;
  }

  private bomb(path: string, c: RatioCounter): void {
    this.problem('archive.bomb', path, `compression ratio over ${this.limits.maxRatio}:1 (${c.in} compressed bytes gave more than ${c.out}): stopped after ${c.out} bytes (kept), the rest of the bundle is read`);
  }

  private async text(rec: InputRecord, index: number, body: ReadableStream<Uint8Array>, name: string, depth: number, mtimeMs?: number): Promise<void> {
    const embedded: EmbeddedLog[] = [];
    const year = this.o.year ?? (mtimeMs !== undefined ? new Date(mtimeMs).getUTCFullYear() : undefined);
    const yearSource = this.o.year !== undefined ? ANALYST_YEAR : mtimeMs !== undefined ? FILE_TIME_YEAR : 'current year (no file time)';
    const input = new TextInput({
      path: rec.path,
      sniffName: name,
      inputIndex: index,
      redactor: this.o.redactor,
      parsers: this.o.parsers,
      fallback: this.o.fallback,
      ctx: { input: rec.path, tz: rec.tz, year: year ?? new Date().getUTCFullYear(), yearSource, fileTimeMs: mtimeMs },
      problem: (p) => this.log.add({ ...p, input: rec.path }),
      emit: (ev) => {
        this.batch.push(ev);
        this.events++;
      },
      // Base64 held per block: its decoded bytes count toward the total again when read as a member.
      embedded: { found: (log) => embedded.push(log), maxChars: Math.min(MAX_EMBEDDED_BASE64, Math.ceil((this.limits.maxTotalBytes * 4) / 3)) },
    });
    const splitter = new LineSplitter(this.limits.maxLineLength);
    const reader = body.getReader();
    let stoppedByLimit = false;
    try {
      for (;;) {
        this.checkAbort();
        let r: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;
        try {
          r = await reader.read();
        } catch (e) {
          this.problem(depth === 0 ? 'input.unreadable' : 'archive.truncated', rec.path, `stream ends early: ${errText(e)} (the lines read are kept)`);
          break;
        }
        if (r.done) break;
        try {
          this.countBytes(r.value.length, rec.path);
        } catch (e) {
          // Total limit: finish this input with what was read, then stop everything.
          stoppedByLimit = e instanceof TotalLimit;
          if (!stoppedByLimit) throw e;
          await reader.cancel().catch(() => {});
          break;
        }
        // Read chunks are up to 1 MiB (~6,000 lines): taken in slices, the events of a slice are
        // handed over before the next is parsed, so batches stay small and die young (GC).
        const chunk = r.value;
        for (let at = 0; at < chunk.length; at += SLICE) {
          splitter.push(at === 0 && chunk.length <= SLICE ? chunk : chunk.subarray(at, at + SLICE));
          await input.lines(splitter.lines, splitter.flags);
          if (this.batch.length >= this.batchSize) await this.flush();
        }
      }
    } catch (e) {
      await reader.cancel().catch(() => {});
      throw e;
    }
    splitter.end();
    await input.lines(splitter.lines, splitter.flags);
    input.end();
    rec.parser = input.parser?.id ?? this.o.fallback.id;
    rec.events = input.events;
    await this.flush();
    if (stoppedByLimit) throw new TotalLimit();
    for (const log of embedded) await this.embeddedLog(rec, log, depth, mtimeMs);
  }

  /** A log found embedded in a text input (embedded.ts): read as a member of it, e.g. `job.1.0.err!/StarterLog.slot1_1`. */
  private async embeddedLog(rec: InputRecord, log: EmbeddedLog, depth: number, mtimeMs: number | undefined): Promise<void> {
    const label = `embedded log ${JSON.stringify(await this.redact(log.name))} at line ${log.line}`;
    if (!log.bytes) {
      this.problem('archive.truncated', rec.path, `${label}: ${log.problem ?? 'unreadable'}`);
      return;
    }
    const safe = safeMemberName(log.name).name || `embedded-at-line-${log.line}`;
    const path = memberPath(rec.path, await this.redact(safe));
    if (log.problem) this.problem('archive.truncated', path, `${label}: ${log.problem}`);
    this.checkAbort();
    await this.entry({ path, parent: rec.path, stream: new Blob([log.bytes as Uint8Array<ArrayBuffer>]).stream(), mtimeMs, depth: depth + 1 });
  }

  /** Reads a stream to its end for the hash (binary, too deep); bytes count toward the total. */
  private async drain(path: string, body: ReadableStream<Uint8Array>, count: boolean): Promise<void> {
    const reader = body.getReader();
    try {
      for (;;) {
        this.checkAbort();
        const r = await reader.read();
        if (r.done) return;
        if (count) this.countBytes(r.value.length, path);
      }
    } catch (e) {
      if (e instanceof TotalLimit) {
        await reader.cancel().catch(() => {});
        throw e;
      }
      this.problem('archive.truncated', path, `stream ends early: ${errText(e)}`);
    }
  }

  private countBytes(n: number, path: string): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxTotalBytes) {
      this.problem('input.too-large', path, `total limit of ${this.limits.maxTotalBytes} bytes reached here: reading stopped`);
      throw new TotalLimit();
    }
  }

  /** Counts top-level bytes for progress and checks cancellation per chunk. */
  private countTop(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    return stream.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, c) => {
          this.progress.bytesRead += chunk.length;
          this.report(false);
          c.enqueue(chunk);
        },
      }),
    );
  }

  private report(force: boolean): void {
    if (!this.o.onProgress) return;
    if (!force && this.progress.bytesRead - this.lastProgress < 4 * 1024 * 1024) return;
    this.lastProgress = this.progress.bytesRead;
    this.o.onProgress({ ...this.progress, events: this.events });
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const out = this.batch.splice(0, this.batch.length);
    if (this.o.onEvents) await this.o.onEvents(out);
  }

  private problem(code: ProblemCode, input: string, message: string): void {
    this.log.add({ code, input, message });
  }

  private tzOf(path: string): string {
    return this.o.tzFor?.(path) ?? this.o.tz ?? 'UTC';
  }

  private checkAbort(): void {
    const s = this.o.signal;
    if (s?.aborted) throw s.reason ?? new DOMException('ingestion cancelled', 'AbortError');
  }
}
