/** Looking at the first bytes of a stream without losing them, and what they say it is. */

export type ContentKind = 'empty' | 'gzip' | 'zstd' | 'zip' | 'tar' | 'binary' | 'text' | 'utf-16le' | 'utf-16be';

/** Reads until `n` bytes (or the end) are seen; returns them and a stream that still yields everything. */
export async function peekStream(
  stream: ReadableStream<Uint8Array>,
  n: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array>; error?: unknown }> {
  const reader = stream.getReader();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  let failure: unknown;
  try {
    while (size < n) {
      const r = await reader.read();
      if (r.done) {
        done = true;
        break;
      }
      if (r.value.length === 0) continue;
      seen.push(r.value);
      size += r.value.length;
    }
  } catch (e) {
    // Keep what was read; the error resurfaces to whoever reads the rest.
    failure = e;
    done = true;
  }
  const head = concat(seen, Math.min(size, n));
  let i = 0;
  const rest = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        if (i < seen.length) {
          c.enqueue(seen[i++]!);
          return;
        }
        if (failure !== undefined) {
          c.error(failure);
          return;
        }
        if (done) {
          c.close();
          return;
        }
        try {
          const r = await reader.read();
          if (r.done) c.close();
          else c.enqueue(r.value);
        } catch (e) {
          c.error(e);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return failure === undefined ? { head, stream: rest } : { head, stream: rest, error: failure };
}

function concat(parts: Uint8Array[], max: number): Uint8Array {
  const out = new Uint8Array(max);
  let o = 0;
  for (const p of parts) {
    if (o >= max) break;
    const take = Math.min(p.length, max - o);
    out.set(take === p.length ? p : p.subarray(0, take), o);
    o += take;
  }
  return out;
}

/** Container or content kind from the first bytes (≥ 512 for tar). Names are not trusted. */
export function contentKind(head: Uint8Array): ContentKind {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (startsWith(head, ZSTD)) return 'zstd';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return 'zip';
  if (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar') return 'tar';
  const first = head.subarray(0, 1024);
  if (!looksBinary(first)) return 'text';
  return utf16Of(first) ?? 'binary';
}

/**
 * UTF-16 text (what Windows PowerShell 5's `>` and `Out-File` write): a byte-order mark, or, without
 * one, a NUL in one byte of nearly every pair and text in the other. Read as binary, such a log
 * would be skipped whole.
 */
export function utf16Of(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const pairs = b.length >> 1;
  if (pairs < 8) return undefined;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  // Latin text in UTF-16: the high byte is 0 for nearly every character, the low byte never.
  if (zeroOdd >= pairs * 0.9 && zeroEven === 0 && !looksBinary(everyOther(b, 0))) return 'utf-16le';
  if (zeroEven >= pairs * 0.9 && zeroOdd === 0 && !looksBinary(everyOther(b, 1))) return 'utf-16be';
  return undefined;
}

/** Bytes at `from`, `from + 2`, … : the low bytes of UTF-16 text. */
function everyOther(b: Uint8Array, from: number): Uint8Array {
  const out = new Uint8Array(b.length >> 1);
  for (let i = from, o = 0; i < b.length && o < out.length; i += 2) out[o++] = b[i]!;
  return out;
}

const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

/** Compressed, archive and binary log formats tokentrail does not open, by magic bytes, with what to do instead. */
const UNSUPPORTED: { magic: number[]; what: string; how: string }[] = [
  ...[
    { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz', tool: 'xz -d' },
    { magic: [0x42, 0x5a, 0x68], name: 'bzip2', tool: 'bzip2 -d' },
    { magic: [0x04, 0x22, 0x4d, 0x18], name: 'lz4', tool: 'lz4 -d' },
    { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: '7-Zip', tool: '7z x' },
    { magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], name: 'RAR', tool: 'unrar x' },
  ].map((c) => ({ magic: c.magic, what: `${c.name}-compressed`, how: `not read (gzip, zstd, zip and tar are); unpack it (\`${c.tool}\`) and add what it holds` })),
  // systemd's binary journal (/var/log/journal/*/system.journal): its header signature "LPKSHHRH".
  { magic: [0x4c, 0x50, 0x4b, 0x53, 0x48, 0x48, 0x52, 0x48], what: 'a systemd journal file (binary)', how: 'not read; export it (`journalctl --file FILE -o short-iso`, or `-o json`) and add the text' },
];

/**
 * A format named by its magic bytes that is not read here (a binary to this reader): what it is and
 * what to do, so the problem record tells the analyst.
 */
export function unsupportedFormat(head: Uint8Array): { what: string; how: string } | undefined {
  const f = UNSUPPORTED.find((u) => startsWith(head, u.magic));
  return f && { what: f.what, how: f.how };
}

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/** NUL bytes, or more than 10 % control characters other than tab/CR/LF/FF/ESC, in the first KiB. */
export function looksBinary(b: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control > b.length * 0.1;
}
