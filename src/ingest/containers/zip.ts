/**
 * zip: fflate's streaming `Unzip` (reads local headers as bytes arrive, runs in Workers).
 * fflate pushes synchronously; this adapter turns that into pull-based member streams, so the
 * input is only read as fast as the consumer drains the current member (constant memory).
 *
 * Limits of streaming zip reading: the central directory is never consulted, so symlink flags
 * (kept in the central directory's external attributes) are invisible: a zip symlink member is
 * read as a tiny text file holding its target path, and nothing is ever followed.
 */
import { Inflate, Unzip, type UnzipFile } from 'fflate';
import type { RatioCounter } from './gzip';

/** One zip member: a name and a body stream; `counter.in` counts compressed bytes (the reader of the body counts `out`). */
export interface ZipMember {
  name: string;
  body: ReadableStream<Uint8Array>;
  counter: RatioCounter;
  /** Stops decompressing this member (zip bomb); the rest of the archive is still read. */
  stop(): void;
  /** Set when the member could not be decompressed (unsupported method, corrupt data). */
  error?: string;
  /** The member is encrypted (traditional PKWARE or AES): its bytes cannot be read without the password. */
  encrypted: boolean;
}

/** Feeding fflate small slices bounds what one synchronous push can inflate (≤ ~1000× the slice). */
const SLICE = 16 * 1024;

export class ZipReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly unzip: Unzip;
  private readonly ready: ZipMember[] = [];
  private readonly headers = new LocalHeaderScan();
  private current: { member: ZipMember; ctrl: ReadableStreamDefaultController<Uint8Array>; open: boolean; gotData: boolean } | undefined;
  private ended = false;
  /** Why the archive ended early (truncated, corrupt), if it did. */
  failure: string | undefined;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
    this.unzip = new Unzip((f) => this.onFile(f));
    const self = this;
    // A DEFLATE decoder that counts its input and can be stopped (fflate's own cannot).
    class CountingInflate {
      static readonly compression = 8;
      ondata: (err: Error | null, data: Uint8Array, final: boolean) => void = () => {};
      private stopped = false;
      private readonly counter = self.current?.member.counter;
      private readonly inflate = new Inflate((d, final) => this.ondata(null, d, final));
      push(chunk: Uint8Array, final: boolean): void {
        if (this.counter) this.counter.in += chunk.length;
        if (this.stopped) {
          if (final) this.ondata(null, new Uint8Array(0), true);
          return;
        }
        try {
          this.inflate.push(chunk, final);
        } catch (e) {
          this.ondata(e as Error, new Uint8Array(0), true);
        }
      }
      terminate(): void {
        this.stopped = true;
      }
    }
    // Stored members: counted too, so their 1:1 ratio is seen as such.
    class CountingStore {
      static readonly compression = 0;
      ondata: (err: Error | null, data: Uint8Array, final: boolean) => void = () => {};
      private readonly counter = self.current?.member.counter;
      push(chunk: Uint8Array, final: boolean): void {
        if (this.counter) this.counter.in += chunk.length;
        this.ondata(null, chunk, final);
      }
    }
    type Decoder = Parameters<Unzip['register']>[0];
    this.unzip.register(CountingInflate as unknown as Decoder);
    this.unzip.register(CountingStore as unknown as Decoder);
  }

  /** The next member, or undefined at the end. Read or cancel the previous body first. */
  async next(): Promise<ZipMember | undefined> {
    while (this.ready.length === 0 && !this.ended) await this.pump();
    return this.ready.shift();
  }

  /** Stops reading the archive. */
  async cancel(): Promise<void> {
    this.ended = true;
    await this.reader.cancel().catch(() => {});
  }

  private onFile(f: UnzipFile): void {
    this.closeCurrent();
    const counter: RatioCounter = { in: 0, out: 0 };
    let ctrl!: ReadableStreamDefaultController<Uint8Array>;
    const member: ZipMember = {
      name: f.name,
      counter,
      // AES-encrypted members name method 99, which no registered decoder takes.
      encrypted: this.headers.encrypted.has(f.name) || f.compression === 99,
      stop: () => f.terminate(),
      body: new ReadableStream<Uint8Array>(
        {
          start: (c) => {
            ctrl = c;
          },
          pull: async () => {
            const cur = this.current;
            if (!cur || cur.member !== member) return;
            cur.gotData = false;
            while (cur.open && !cur.gotData && !this.ended) await this.pump();
            if (cur.open && this.ended) this.closeCurrent();
          },
          cancel: () => {
            if (this.current?.member === member) {
              this.current.open = false;
              f.terminate();
            }
          },
        },
        { highWaterMark: 0 },
      ),
    };
    this.current = { member, ctrl, open: true, gotData: false };
    const cur = this.current;
    f.ondata = (err, data, final) => {
      if (!cur.open) return;
      if (err) {
        member.error = err.message;
        this.closeCurrent();
        return;
      }
      if (data.length) {
        cur.ctrl.enqueue(data);
        cur.gotData = true;
      }
      if (final) this.closeCurrent();
    };
    this.ready.push(member);
    // start() creates the decoder (CountingInflate reads `current` for its counter).
    f.start();
  }

  private closeCurrent(): void {
    const cur = this.current;
    if (cur?.open) {
      cur.open = false;
      try {
        cur.ctrl.close();
      } catch {
        // already closed by a cancel
      }
    }
  }

  private async pump(): Promise<void> {
    if (this.ended) return;
    let r: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;
    try {
      r = await this.reader.read();
    } catch (e) {
      this.finish(`archive ends early: ${(e as Error).message}`);
      return;
    }
    try {
      if (r.done) {
        this.unzip.push(new Uint8Array(0), true);
        this.finish(this.current?.open ? 'archive ends inside a member' : undefined);
        return;
      }
      for (let o = 0; o < r.value.length; o += SLICE) {
        const slice = r.value.subarray(o, o + SLICE);
        // Before fflate sees the slice: a member's header is scanned before its onFile.
        this.headers.scan(slice);
        this.unzip.push(slice, false);
      }
    } catch (e) {
      this.finish(`archive ends early or is corrupt: ${(e as Error).message}`);
    }
  }

  private finish(failure: string | undefined): void {
    if (failure && !this.failure) this.failure = failure;
    this.ended = true;
    this.closeCurrent();
  }
}

/**
 * The names of encrypted members, from the local file headers as bytes stream past (general
 * purpose flag bit 0): fflate's streaming reader does not tell. A header's signature inside other
 * data could be misread, but only a real member's name is ever looked up.
 */
class LocalHeaderScan {
  readonly encrypted = new Set<string>();
  /** The unscanned end of the previous slice (a header cut by the slice boundary). */
  private carry: Uint8Array = new Uint8Array(0);
  private readonly utf8 = new TextDecoder();
  private readonly latin1 = new TextDecoder('latin1');

  scan(slice: Uint8Array): void {
    let b = slice;
    if (this.carry.length) {
      b = new Uint8Array(this.carry.length + slice.length);
      b.set(this.carry);
      b.set(slice, this.carry.length);
    }
    let keepFrom = Math.max(0, b.length - 3);
    for (let i = b.indexOf(0x50); i >= 0 && i + 4 <= b.length; i = b.indexOf(0x50, i + 1)) {
      if (b[i + 1] !== 0x4b || b[i + 2] !== 0x03 || b[i + 3] !== 0x04) continue;
      if (i + 30 > b.length) {
        keepFrom = i;
        break;
      }
      const flags = b[i + 6]! | (b[i + 7]! << 8);
      const nameLen = b[i + 26]! | (b[i + 27]! << 8);
      if (i + 30 + nameLen > b.length) {
        keepFrom = i;
        break;
      }
      if (flags & 1) this.encrypted.add((flags & 0x800 ? this.utf8 : this.latin1).decode(b.subarray(i + 30, i + 30 + nameLen)));
    }
    this.carry = b.slice(keepFrom);
  }
}
