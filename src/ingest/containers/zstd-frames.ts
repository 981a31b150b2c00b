/**
 * Walks the frame and block headers of a zstd stream without decompressing (RFC 8878 §3.1), to
 * refuse a frame before fzstd allocates its window: fzstd sizes its buffer from the frame header
 * alone, up to 2 GiB, so a 20-byte file could take 2 GiB of memory. zstd itself refuses windows
 * over 128 MiB unless told otherwise (`--memory`); so does this.
 */

/** zstd's default decompression window limit (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27). */
export const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;

const MAGIC = 0xfd2fb528;

type State =
  | { at: 'frame' } // a frame's magic number (or a skippable frame's)
  | { at: 'header' } // a frame header, its first byte (FHD) saying how long it is
  | { at: 'block'; checksum: boolean } // a block header
  | { at: 'skip'; n: number; next: 'frame' | 'block'; checksum: boolean }; // block content and checksum, or a skippable frame

export class ZstdFrameCheck {
  private state: State = { at: 'frame' };
  /** Header bytes read so far (of the magic number, frame header or block header being read). */
  private pending: number[] = [];

  /**
   * Reads `chunk`'s headers; throws when a frame declares a window over `maxWindow` or a header is
   * invalid (the stream is then refused). Call before handing the chunk to the decompressor.
   */
  check(chunk: Uint8Array, maxWindow = MAX_ZSTD_WINDOW): void {
    let i = 0;
    while (i < chunk.length) {
      const s = this.state;
      if (s.at === 'skip') {
        const take = Math.min(s.n, chunk.length - i);
        i += take;
        s.n -= take;
        if (s.n === 0) this.state = s.next === 'frame' ? { at: 'frame' } : { at: 'block', checksum: s.checksum };
        continue;
      }
      const p = this.pending;
      p.push(chunk[i++]!);
      if (s.at === 'frame') this.frameStart(p);
      else if (s.at === 'header') this.header(p, maxWindow);
      else this.block(p, s.checksum);
    }
  }

  private frameStart(p: number[]): void {
    if (p.length < 4) return;
    const magic = (p[0]! | (p[1]! << 8) | (p[2]! << 16) | (p[3]! << 24)) >>> 0;
    if (magic === MAGIC) {
      this.pending = [];
      this.state = { at: 'header' };
      return;
    }
    if ((magic & 0xfffffff0) >>> 0 !== 0x184d2a50) throw new Error('not a zstd frame');
    // A skippable frame: 4 bytes of size, then that many bytes.
    if (p.length < 8) return;
    const n = (p[4]! | (p[5]! << 8) | (p[6]! << 16) | (p[7]! << 24)) >>> 0;
    this.pending = [];
    this.state = n ? { at: 'skip', n, next: 'frame', checksum: false } : { at: 'frame' };
  }

  private header(p: number[], maxWindow: number): void {
    const fhd = p[0]!;
    if (fhd & 0x08) throw new Error('zstd frame header: reserved bit set');
    const single = (fhd >> 5) & 1;
    const need = 1 + (single ? 0 : 1) + [0, 1, 2, 4][fhd & 3]! + [single, 2, 4, 8][fhd >> 6]!;
    if (p.length < need) return;
    this.frameHeader(p, maxWindow);
    this.pending = [];
    this.state = { at: 'block', checksum: ((fhd >> 2) & 1) === 1 };
  }

  /** A block header: 3 bytes, little-endian: last (1 bit), type (2 bits), size (21 bits). */
  private block(p: number[], checksum: boolean): void {
    if (p.length < 3) return;
    const h = p[0]! | (p[1]! << 8) | (p[2]! << 16);
    this.pending = [];
    const last = h & 1;
    const type = (h >> 1) & 3;
    if (type === 3) throw new Error('zstd block: reserved type');
    // An RLE block holds one byte; raw and compressed blocks their size. The last block of a frame
    // with a checksum is followed by its 4 bytes.
    const n = (type === 1 ? 1 : h >>> 3) + (last && checksum ? 4 : 0);
    const next = last ? 'frame' : 'block';
    if (n > 0) this.state = { at: 'skip', n, next, checksum };
    else this.state = next === 'frame' ? { at: 'frame' } : { at: 'block', checksum };
  }

  /** Checks a whole frame header (`fhd` first): the window it needs. */
  private frameHeader(h: readonly number[], maxWindow: number): void {
    const fhd = h[0]!;
    const single = (fhd >> 5) & 1;
    let at = 1;
    let window = 0;
    if (!single) {
      const wd = h[at++]!;
      const base = 2 ** (10 + (wd >> 3));
      window = base + (base / 8) * (wd & 7);
    }
    at += [0, 1, 2, 4][fhd & 3]!;
    if (single) {
      // The frame's content size is its window: read it (1, 2, 4 or 8 bytes; 2 bytes add 256).
      const n = [1, 2, 4, 8][fhd >> 6]!;
      let size = 0;
      for (let k = n - 1; k >= 0; k--) size = size * 256 + h[at + k]!;
      window = n === 2 ? size + 256 : size;
    }
    if (window > maxWindow) throw new Error(`zstd frame needs a ${mib(window)} window, over the ${mib(maxWindow)} limit (zstd's own default): not read`);
  }
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MiB`;
}
