/**
 * Zstandard (logrotate's `compresscmd zstd`, `.zst`): fzstd, pure JS and streaming (no platform
 * DecompressionStream knows zstd). Counts bytes in for the ratio guard, as gunzip does.
 */
import { Decompress } from 'fzstd';
import type { RatioCounter } from './gzip';
import { ZstdFrameCheck } from './zstd-frames';

/** Bytes handed to the decompressor at a time: output comes per block, so the guard sees it early. */
const SLICE = 16 * 1024;

/**
 * Decompresses a zstd stream (several frames too). A stream cut short errors at its end, after
 * the bytes it did hold were passed on ("what was read is kept", as with gzip). A frame whose
 * header asks for a window over zstd's default limit errors before fzstd allocates it.
 */
export function unzstd(stream: ReadableStream<Uint8Array>, counter: RatioCounter): ReadableStream<Uint8Array> {
  let out: TransformStreamDefaultController<Uint8Array> | undefined;
  const frames = new ZstdFrameCheck();
  const d = new Decompress((chunk) => {
    // fzstd may hand over a view of its window, which it overwrites later: copy.
    if (chunk.length) out!.enqueue(chunk.slice());
  });
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, c) {
        out = c;
        for (let at = 0; at < chunk.length; at += SLICE) {
          const s = chunk.subarray(at, at + SLICE);
          counter.in += s.length;
          frames.check(s);
          d.push(s);
        }
      },
      flush(c) {
        out = c;
        d.push(new Uint8Array(0), true);
      },
    }),
  );
}
