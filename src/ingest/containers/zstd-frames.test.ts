/** The frame walker against real zstd output (samples/, written by the zstd tool) and crafted headers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZstdFrameCheck } from './zstd-frames';

const sample = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'samples', name)));

describe('ZstdFrameCheck', () => {
  it('walks real files whole, in any slicing, and ends between frames', () => {
    for (const name of ['auth.log.zst', 'site.tar.zst', 'bomb-64MiB.log.zst']) {
      const bytes = sample(name);
      for (const step of [1, 3, 7, 4096, bytes.length]) {
        const c = new ZstdFrameCheck();
        for (let at = 0; at < bytes.length; at += step) c.check(bytes.subarray(at, at + step));
        // After the whole file a new frame may start: a skippable frame is accepted, junk is not.
        c.check(new Uint8Array([0x50, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 9, 9]));
        expect(() => c.check(new Uint8Array([1, 2, 3, 4]))).toThrow('not a zstd frame');
      }
    }
  });

  it('refuses windows over the limit, from the descriptor or a single segment content size', () => {
    // Window descriptor exponent 21 → 2 GiB window (fzstd's own cap is just under it).
    expect(() => new ZstdFrameCheck().check(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3]))).toThrow('needs a 2048 MiB window');
    // 128 MiB exactly is allowed: exponent 17.
    expect(() => new ZstdFrameCheck().check(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 17 << 3]))).not.toThrow();
    // Single segment, 4-byte content size 200 MiB.
    const n = 200 * 1024 * 1024;
    expect(() => new ZstdFrameCheck().check(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xa0, n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24]))).toThrow('needs a 200 MiB window');
    expect(() => new ZstdFrameCheck().check(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x08]))).toThrow('reserved bit');
  });
});
