/**
 * Logs saved as UTF-16 (Windows PowerShell 5's `>` and `Out-File` write UTF-16LE with a BOM) are
 * read as text through the real pipeline, not skipped as binary; their credentials are redacted
 * like any other line's, and chain of custody stays on the original bytes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../pipeline/index';
import { buildCorpus } from '../redact/corpus';
import { contentKind, utf16Of } from './peek';
import { bytesSource } from './source';

const corpus = await buildCorpus();
const jwt = corpus.tokens.wlcg!;
const signature = jwt.slice(jwt.lastIndexOf('.') + 1);

const LOG = [
  'Nov 23 10:00:01 ui01 sshd[4242]: Accepted publickey for alice from 198.51.100.7 port 50522 ssh2: ED25519 SHA256:Zm9vYmFy',
  'Nov 23 10:00:02 ui01 sshd[4243]: Failed password for invalid user jörg from 203.0.113.9 port 50523 ssh2',
  `Nov 23 10:00:03 ui01 sudo[4250]:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/env BEARER_TOKEN=${jwt} gfal-ls davs://se01`,
].join('\r\n');

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (u: number) => {
    out[o++] = order === 'le' ? u & 0xff : u >> 8;
    out[o++] = order === 'le' ? u >> 8 : u & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('UTF-16 inputs', () => {
  const files = {
    'le-bom/var/log/auth.log': utf16(LOG, 'le', true),
    'be-bom/var/log/auth.log': utf16(LOG, 'be', true),
    'le-nobom/var/log/auth.log': utf16(LOG, 'le', false),
  };

  it('are read as text: the same events as the UTF-8 file, credentials redacted, hashes of the original bytes', async () => {
    const c = await analyzeSources(
      [bytesSource('utf8/var/log/auth.log', `${LOG}\n`), ...Object.entries(files).map(([p, b]) => bytesSource(p, b))],
      { name: 'utf16' },
    );
    expect(c.problems).toEqual([]);
    const [plain, ...wide] = c.inputs;
    expect(plain!.encoding).toBeUndefined();
    expect(wide.map((i) => [i.path, i.encoding, i.parser, i.events])).toEqual([
      ['le-bom/var/log/auth.log', 'utf-16le', plain!.parser, plain!.events],
      ['be-bom/var/log/auth.log', 'utf-16be', plain!.parser, plain!.events],
      ['le-nobom/var/log/auth.log', 'utf-16le', plain!.parser, plain!.events],
    ]);
    expect(plain!.parser).toBe('sshd');
    for (const i of wide) expect(i.sha256).toBe(sha(files[i.path as keyof typeof files]));
    const textsOf = (input: string) => c.events.filter((e) => e.src.input === input).map((e) => [e.src.line, e.kind, e.text]);
    for (const i of wide) expect(textsOf(i.path)).toEqual(textsOf(plain!.path));
    // Non-ASCII survives the transcoding; no signature reaches an event, and the token is known.
    expect(c.events.some((e) => e.src.input === 'be-bom/var/log/auth.log' && e.text.includes('jörg'))).toBe(true);
    expect(JSON.stringify(c)).not.toContain(signature);
    expect(c.tokens.some((t) => c.events.some((e) => e.src.input === 'le-nobom/var/log/auth.log' && e.ids.tokenFps?.includes(t.fp)))).toBe(true);
  });

  it('is told from binary content: real binaries stay binary', () => {
    const elf = new Uint8Array(1024);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    for (let i = 64; i < 1024; i++) elf[i] = (i * 37) & 0xff;
    expect(contentKind(elf)).toBe('binary');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(contentKind(png)).toBe('binary');
    // UTF-16 of control bytes is no text either, BOM-less.
    expect(utf16Of(utf16('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f', 'le', false))).toBeUndefined();
    expect(contentKind(utf16('Nov 23 10:00:01 ui01 sshd[1]: x', 'be', false))).toBe('utf-16be');
  });
});
