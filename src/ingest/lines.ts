/**
 * Streaming line splitter: bytes in, lines out, constant memory. Splits the bytes on `\n`
 * (dropping a `\r` before it) and decodes each line on its own with a non-fatal TextDecoder
 * (invalid bytes become U+FFFD and the line is flagged; a BOM is dropped at the start of the
 * stream only). Lines longer than the limit are cut: the first `max` characters plus a marker
 * are kept, the rest of that line is skipped, the next line comes through whole.
 *
 * Why per line, not per chunk: a string sliced out of a decoded chunk keeps the whole chunk
 * alive, so every event text and every id a parser keeps pinned (and got the young-generation GC
 * to copy) 64 KiB–2 MiB chunks; one decode per line costs no more than decode + slice and each
 * line is its own string. testing/string-line-splitter.ts holds the chunk-decoding splitter it
 * replaced; lines.test.ts checks both give the same lines and flags.
 */
import { lineCutMarker } from './limits';

export const LINE_CUT = 1;
export const LINE_BAD_UTF8 = 2;

const LF = 10;
const CR = 13;

export class LineSplitter {
  /** Lines produced by the last `push`/`end` (reused arrays: read them before the next call). */
  readonly lines: string[] = [];
  /** Per line: LINE_CUT | LINE_BAD_UTF8 bits. */
  readonly flags: number[] = [];
  // One whole line per call (never `stream`), so the BOM is handled by hand (`atStart`).
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly marker: string;
  /** Bytes of the unfinished line (pieces of earlier chunks) and their total. */
  private pieces: Uint8Array[] = [];
  private pending = 0;
  /** Inside a line that was already cut: discard until its end. */
  private skipping = false;
  /** No line emitted yet: a BOM starting the stream is dropped. */
  private atStart = true;
  /**
   * An unfinished line longer than this many bytes is surely longer than `max` characters (a
   * character never takes more than 3 bytes per UTF-16 unit, nor does an invalid sequence per
   * U+FFFD): it is cut then, so a huge line never sits in memory whole.
   */
  private readonly cutAfter: number;

  constructor(private readonly max: number) {
    this.marker = lineCutMarker(max);
    this.cutAfter = 3 * max + 3;
  }

  push(chunk: Uint8Array): void {
    this.lines.length = 0;
    this.flags.length = 0;
    let pos = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, pos)) {
      if (this.skipping) this.skipping = false;
      else if (this.pending) this.emit(this.take(chunk.subarray(pos, nl)));
      else this.emit(chunk.subarray(pos, nl));
      pos = nl + 1;
    }
    if (pos === chunk.length || this.skipping) return;
    // A copy, not a view: the caller may reuse its buffer (one unfinished line per push: cheap).
    this.pieces.push(chunk.slice(pos));
    this.pending += chunk.length - pos;
    if (this.pending > this.cutAfter) {
      this.cut(this.decoder.decode(this.noBom(this.take(undefined))));
      this.skipping = true;
    }
  }

  end(): void {
    this.lines.length = 0;
    this.flags.length = 0;
    if (this.skipping || !this.pending) return;
    this.emit(this.take(undefined), true);
  }

  /** The unfinished line's bytes plus `last` in one array; clears the pieces. */
  private take(last: Uint8Array | undefined): Uint8Array {
    const parts = this.pieces;
    let n = this.pending + (last ? last.length : 0);
    const out = new Uint8Array(n);
    n = 0;
    for (const p of parts) {
      out.set(p, n);
      n += p.length;
    }
    if (last) out.set(last, n);
    this.pieces = [];
    this.pending = 0;
    return out;
  }

  /** Emits one line's bytes (without the `\n`); `atEnd`: the stream's last, unterminated line. */
  private emit(bytes: Uint8Array, atEnd = false): void {
    let b = this.noBom(bytes);
    // A stream that held only a BOM (or ends with nothing after it) has no last line.
    if (atEnd && b.length === 0) return;
    if (b.length && b[b.length - 1] === CR) b = b.subarray(0, b.length - 1);
    const text = this.decoder.decode(b);
    // Bytes ≤ max means characters ≤ max: only longer lines can need a cut.
    if (b.length > this.max && text.length > this.max) this.cut(text);
    else {
      this.lines.push(text);
      this.flags.push(text.indexOf('\uFFFD') !== -1 ? LINE_BAD_UTF8 : 0);
    }
  }

  /** `bytes` without the BOM that may start the stream (checked on the first line only). */
  private noBom(bytes: Uint8Array): Uint8Array {
    if (!this.atStart) return bytes;
    this.atStart = false;
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  }

  private cut(text: string): void {
    const kept = text.slice(0, this.max);
    this.lines.push(kept + this.marker);
    this.flags.push(LINE_CUT | (kept.indexOf('\uFFFD') !== -1 ? LINE_BAD_UTF8 : 0));
  }
}
