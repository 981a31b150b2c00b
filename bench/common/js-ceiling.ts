/**
 * The practical ceiling for JS line work that bench/ingest and bench/redact compare against: the
 * chunks decoded as they stream, split on '\n', one regex per line (the JWT pattern and its
 * ripgrep form, so ripgrep counts the same lines).
 */
export const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;
export const JWT_RG = String.raw`\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`;

export async function splitAndMatch(chunks: AsyncIterable<Uint8Array>, re: RegExp = JWT): Promise<{ bytes: number; lines: number; hits: number }> {
  const dec = new TextDecoder();
  let carry = '';
  let bytes = 0;
  let lines = 0;
  let hits = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    const s = carry + dec.decode(chunk, { stream: true });
    let pos = 0;
    for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', pos)) {
      if (re.test(s.slice(pos, nl))) hits++;
      lines++;
      pos = nl + 1;
    }
    carry = s.slice(pos);
  }
  return { bytes, lines, hits };
}
