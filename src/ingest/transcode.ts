/** UTF-16 text (see peek.ts `utf16Of`) as the UTF-8 bytes the line splitter reads. */

/**
 * `body` decoded from UTF-16 and encoded as UTF-8, streaming. A byte-order mark is dropped;
 * unpaired surrogates and an odd last byte become U+FFFD, which the line splitter flags.
 */
export function transcodeToUtf8(body: ReadableStream<Uint8Array>, encoding: 'utf-16le' | 'utf-16be'): ReadableStream<Uint8Array> {
  // The decoder takes any BufferSource; TypeScript wants the pair typed by what flows in.
  const decode = new TextDecoderStream(encoding) as ReadableWritablePair<string, Uint8Array>;
  return body.pipeThrough(decode).pipeThrough(new TextEncoderStream());
}
