/** gzip: the platform's DecompressionStream (native in browsers, Workers and Node); fflate to recover a broken small one. */
import { Gunzip } from 'fflate';

/** Byte counters of one decompression, for the compression-ratio (zip bomb) guard. */
export interface RatioCounter {
  in: number;
  out: number;
}

/** Bytes handed to the decompressor per pull: keeps its read-ahead (and so `in`) close to what it consumed. */
const SLICE = 16 * 1024;

/** Compressed bytes kept for recovery: a gzip input up to this size is read again by fflate if the platform's decompressor fails. */
const RECOVER_MAX = 8 * 1024 * 1024;

/**
 * Decompresses a gzip stream (multi-member too); counts compressed bytes in and bytes out.
 * The input is handed over in small slices, counted when the decompressor pulls them, so the
 * ratio guard sees roughly what was consumed rather than what was read ahead.
 *
 * A stream cut short or followed by bytes that are not gzip makes the platform's decompressor fail
 * and drop the output of its last slice: a small file's whole content. So the compressed bytes
 * of an input up to RECOVER_MAX are kept, and on a failure fflate (which hands over its output up to
 * the bad byte) reads them again: what it recovers beyond what was passed on is passed on before
 * the error ("what was read is kept").
 */
export function gunzip(stream: ReadableStream<Uint8Array>, counter: RatioCounter): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let cur: Uint8Array | undefined;
  let off = 0;
  let kept: Uint8Array[] | undefined = [];
  let keptBytes = 0;
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
          if (kept && keptBytes + cur.length <= RECOVER_MAX) {
            kept.push(cur);
            keptBytes += cur.length;
          } else kept = undefined;
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
  const native = sliced.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  let passed = 0;
  let failure: unknown;
  return new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        if (failure !== undefined) {
          c.error(failure);
          return;
        }
        try {
          const r = await native.read();
          if (r.done) c.close();
          else {
            passed += r.value.length;
            c.enqueue(r.value);
          }
        } catch (e) {
          // The error comes on the next pull, after what fflate recovers.
          failure = e;
          const more = kept ? recover(kept, passed) : undefined;
          kept = undefined;
          if (more?.length) c.enqueue(more);
          else c.error(e);
        }
      },
      cancel(reason) {
        return native.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Bytes recovered past what was passed on, at most: a bomb followed by junk stops here (the ratio
 * guard downstream then cuts it at its grace allowance and records the bomb).
 */
const RECOVER_OUT_MAX = 64 * 1024 * 1024;

/** What fflate decompresses of `parts` (up to its first error) beyond the first `skip` bytes. */
function recover(parts: readonly Uint8Array[], skip: number): Uint8Array | undefined {
  const out: Uint8Array[] = [];
  let n = 0;
  const g = new Gunzip((d) => {
    out.push(d);
    n += d.length;
    if (n > skip + RECOVER_OUT_MAX) throw new Error('recovered enough');
  });
  try {
    for (const p of parts) g.push(p, false);
    g.push(new Uint8Array(0), true);
  } catch {
    // Expected: the same bad byte; what came before it is in `out`.
  }
  if (n <= skip) return undefined;
  const all = new Uint8Array(n);
  let at = 0;
  for (const d of out) {
    all.set(d, at);
    at += d.length;
  }
  return all.subarray(skip);
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
