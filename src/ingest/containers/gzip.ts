/** gzip: the platform's DecompressionStream (native in browsers, Workers and Node). */

/** Byte counters of one decompression, for the compression-ratio (zip bomb) guard. */
export interface RatioCounter {
  in: number;
  out: number;
}

/** Bytes handed to the decompressor per pull: keeps its read-ahead (and so `in`) close to what it consumed. */
const SLICE = 16 * 1024;

/**
 * Decompresses a gzip stream (multi-member too); counts compressed bytes in and bytes out.
 * The input is handed over in small slices, counted when the decompressor pulls them, so the
 * ratio guard sees roughly what was consumed rather than what was read ahead.
 */
export function gunzip(stream: ReadableStream<Uint8Array>, counter: RatioCounter): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let cur: Uint8Array | undefined;
  let off = 0;
  const sliced = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        while (!cur || off >= cur.length) {
          const r = await reader.read();
          if (r.done) {
            c.close();
            return;
          }
          cur = r.value;
          off = 0;
        }
        const s = cur.subarray(off, off + SLICE);
        off += s.length;
        counter.in += s.length;
        c.enqueue(s);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return sliced.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/**
 * Passes decompressed bytes through until out/in exceeds `maxRatio` (judged after `grace` bytes),
 * then ends the stream early (after at most `grace` bytes) and calls `onBomb` once. Cancelling upstream stops the decompressor.
 */
export function ratioGuard(
  counter: RatioCounter,
  maxRatio: number,
  grace: number,
  onBomb: (c: RatioCounter) => void,
): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      const before = counter.out;
      counter.out += chunk.length;
      if (counter.out > grace && counter.out > counter.in * maxRatio) {
        // Keep what fits in the grace allowance ("what was read is kept"), then stop.
        const keep = Math.max(0, grace - before);
        if (keep > 0) c.enqueue(chunk.subarray(0, keep));
        counter.out = before + keep;
        onBomb(counter);
        c.terminate();
        return;
      }
      c.enqueue(chunk);
    },
  });
}
