/**
 * Where bytes come from. Web-standard: the CLI makes these from files (src/cli/fs-source.ts),
 * the browser from `File` objects, tests from byte arrays.
 */
export interface InputSource {
  /** Path as shown to the analyst (relative to what was given, `/`-separated). */
  name: string;
  /** Byte size when known (progress, totals). */
  size?: number;
  /** Modification time (epoch ms) when known: gives the year for year-less log formats. */
  mtimeMs?: number;
  /** A fresh stream of the bytes. Called once per ingestion. */
  stream(): ReadableStream<Uint8Array>;
}

/** An input source over bytes already in memory (tests, small drops). */
export function bytesSource(name: string, bytes: Uint8Array | string, mtimeMs?: number): InputSource {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return {
    name,
    size: data.length,
    mtimeMs,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          // Hand out copies in 64 KiB slices, like a file reader would.
          for (let o = 0; o < data.length; o += 65536) c.enqueue(data.slice(o, o + 65536));
          c.close();
        },
      }),
  };
}

/** An input source over a Blob/File (the browser's drop or file picker; `webkitRelativePath` for folders). */
export function blobSource(name: string, blob: Blob, mtimeMs?: number): InputSource {
  return { name, size: blob.size, mtimeMs, stream: () => blob.stream() as ReadableStream<Uint8Array> };
}
