/** gzip: the platform's DecompressionStream (native in browsers, Workers and Node). */

/** Byte counters of one decompression, for the compression-ratio (zip bomb) guard. */
export interface RatioCounter {
  in: number;
  out: number;
}

/** Decompresses a gzip stream (multi-member too); counts compressed bytes in and bytes out. */
export function gunzip(stream: ReadableStream<Uint8Array>, counter: RatioCounter): ReadableStream<Uint8Array> {
  const countIn = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      counter.in += chunk.length;
      c.enqueue(chunk);
    },
  });
  return stream
    .pipeThrough(countIn)
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
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
