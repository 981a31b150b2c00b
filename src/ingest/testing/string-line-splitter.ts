/**
 * The line splitter ingestion used before lines were decoded one by one (lines.ts): the whole
 * chunk decoded by a streaming TextDecoder, then split. Kept as the reference the byte-level
 * splitter is compared with (lines.test.ts), not used by ingestion.
 */
import { LINE_BAD_UTF8, LINE_CUT } from '../lines';
import { lineCutMarker } from '../limits';

export class StringLineSplitter {
  /** Lines produced by the last `push`/`end` (reused arrays: read them before the next call). */
  readonly lines: string[] = [];
  /** Per line: LINE_CUT | LINE_BAD_UTF8 bits. */
  readonly flags: number[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  private readonly marker: string;
  private carry = '';
  /** Inside a line that was already cut: discard until its end. */
  private skipping = false;

  constructor(private readonly max: number) {
    this.marker = lineCutMarker(max);
  }

  push(chunk: Uint8Array): void {
    this.split(this.decoder.decode(chunk, { stream: true }), false);
  }

  end(): void {
    this.split(this.decoder.decode(), true);
  }

  private split(decoded: string, last: boolean): void {
    this.lines.length = 0;
    this.flags.length = 0;
    const s = this.carry.length ? this.carry + decoded : decoded;
    this.carry = '';
    // One scan per chunk decides whether any line needs the per-line check.
    const bad = s.indexOf('\uFFFD') !== -1;
    let pos = 0;
    for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', pos)) {
      if (this.skipping) this.skipping = false;
      else this.emit(s, pos, nl, bad);
      pos = nl + 1;
    }
    if (this.skipping) return;
    const restLen = s.length - pos;
    // The one change from the original: a `\r` ending the chunk may end the line (a `\n` may
    // follow in the next chunk), so a rest that is only too long with it waits for the next chunk.
    // The original cut it without the `\r`, so a line of max + 1 characters cut right after a
    // `\r` inside it came out uncut and unflagged (LineSplitter cuts it).
    const crEnd = restLen > 0 && s.charCodeAt(s.length - 1) === 13 ? 1 : 0;
    if (restLen - crEnd > this.max) {
      this.emit(s, pos, s.length, bad);
      this.skipping = !last;
    } else if (restLen > 0) {
      if (last) this.emit(s, pos, s.length, bad);
      else this.carry = pos === 0 ? s : s.slice(pos);
    }
  }

  private emit(s: string, from: number, to: number, bad: boolean): void {
    let end = to;
    if (end > from && s.charCodeAt(end - 1) === 13) end--;
    let flag = 0;
    let text: string;
    if (end - from > this.max) {
      text = s.slice(from, from + this.max) + this.marker;
      flag = LINE_CUT;
    } else text = s.slice(from, end);
    if (bad && text.indexOf('\uFFFD') !== -1) flag |= LINE_BAD_UTF8;
    this.lines.push(text);
    this.flags.push(flag);
  }
}
