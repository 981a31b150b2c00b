/** tar: modern-tar's streaming decoder (Web Streams, zero dependencies). */
import { createTarDecoder, type ParsedTarEntry } from 'modern-tar';

export type { ParsedTarEntry };

/**
 * Entries of a tar stream, in order. The caller must read or cancel each body before asking for
 * the next entry. Non-strict: a truncated archive ends early (the caller notices a short body).
 */
export function tarEntries(stream: ReadableStream<Uint8Array>): ReadableStream<ParsedTarEntry> {
  return stream.pipeThrough(createTarDecoder({ strict: false }));
}
