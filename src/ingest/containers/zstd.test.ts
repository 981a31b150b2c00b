/**
 * Zstandard inputs through the real pipeline, from files the zstd tool wrote (samples/): rotated
 * `.zst` logs (two frames), a `.tar.zst`, a 64 MiB zstd bomb (one sshd line repeated), a stream cut short; and the
 * compressed formats that are not read get a problem that says what to run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../../pipeline/index';
import { bytesSource } from '../source';

const sample = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'samples', name)));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('zstd inputs', () => {
  it('reads a rotated .zst log (two frames) and a .tar.zst, hashing the bytes as given and as unpacked', async () => {
    const log = sample('auth.log.zst');
    const c = await analyzeSources([bytesSource('ui01/var/log/secure.1.zst', log), bytesSource('ui01.tar.zst', sample('site.tar.zst'))], { name: 'zstd' });
    expect(c.problems).toEqual([]);
    expect(c.inputs.map((i) => [i.path, i.parser, i.events])).toEqual([
      ['ui01/var/log/secure.1.zst', 'sshd', 3],
      ['ui01.tar.zst', 'archive.tar', 0],
      ['ui01.tar.zst!/var/log/secure', 'sshd', 2],
    ]);
    expect(c.inputs[0]!.sha256).toBe(sha(log));
    // Both frames' lines, in order: the second frame holds carol's login.
    expect(c.events.filter((e) => e.src.input === 'ui01/var/log/secure.1.zst').map((e) => e.ids.user)).toEqual(['alice', 'bob', 'carol']);
  });

  it('stops a zstd bomb at the ratio limit, keeping what was read', async () => {
    const c = await analyzeSources([bytesSource('secure.zst', sample('bomb-64MiB.log.zst')), bytesSource('ok.log', 'Nov 23 10:00:01 ui01 sshd[1]: Accepted publickey for alice from 198.51.100.7 port 1 ssh2\n')], { name: 'bomb' });
    // The bomb, and the line the stop cut in two.
    expect(c.problems.map((p) => [p.code, p.input])).toEqual([
      ['archive.bomb', 'secure.zst'],
      ['line.malformed', 'secure.zst'],
    ]);
    // What was read is kept: the 4 MiB grace allowance of 89-byte lines, not the 64 MiB.
    expect(c.inputs.find((i) => i.path === 'secure.zst')!.events).toBe(Math.floor((4 * 1024 * 1024) / 89));
    // The rest of the bundle still loads.
    expect(c.inputs.find((i) => i.path === 'ok.log')!.events).toBe(1);
  });

  it('keeps the lines of a stream cut short, with a problem record', async () => {
    const whole = sample('auth.log.zst');
    // The first frame whole, the second cut in its block: alice and bob are read, carol is lost.
    const firstFrameEnd = whole.findIndex((_, i) => i > 0 && whole[i] === 0x28 && whole[i + 1] === 0xb5 && whole[i + 2] === 0x2f && whole[i + 3] === 0xfd);
    const c = await analyzeSources([bytesSource('cut.log.zst', whole.subarray(0, firstFrameEnd + 12))], { name: 'cut' });
    expect(c.problems.map((p) => p.code)).toEqual(['archive.truncated']);
    expect(c.problems[0]!.message).toMatch(/stream ends early/);
    expect(c.events.map((e) => e.ids.user)).toEqual(['alice', 'bob']);
  });

  it('refuses a frame that asks for a window over 128 MiB before allocating it, and reads the rest of the bundle', async () => {
    // 13 header bytes declaring a single-segment frame of 1 GiB, then one raw block: fzstd alone
    // would allocate the whole GiB for these 20 bytes.
    const bomb = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0x21, 0, 0, 0x41, 0x42, 0x43, 0x0a]);
    const c = await analyzeSources([bytesSource('window.log.zst', bomb), bytesSource('ui01/secure.zst', sample('auth.log.zst'))], { name: 'window' });
    expect(c.problems.map((p) => [p.code, p.input, p.message])).toEqual([
      ['archive.truncated', 'window.log.zst', "cannot read: zstd frame needs a 1024 MiB window, over the 128 MiB limit (zstd's own default): not read"],
    ]);
    expect(c.inputs.find((i) => i.path === 'ui01/secure.zst')!.events).toBe(3);
  });

  it('names the compressed and binary log formats it does not read, with the command that opens them', async () => {
    const xz = new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21, 0x01]);
    const bz2 = new Uint8Array([0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x00, 0x01, 0x02, 0x03]);
    // systemd's binary journal: its 8-byte signature, then the header's flags and fields.
    const journal = new Uint8Array([0x4c, 0x50, 0x4b, 0x53, 0x48, 0x48, 0x52, 0x48, 0, 0, 0, 0, 0x02, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    const c = await analyzeSources([bytesSource('messages.1.xz', xz), bytesSource('messages.2.bz2', bz2), bytesSource('var/log/journal/0f/system.journal', journal)], { name: 'unsupported' });
    expect(c.problems.map((p) => [p.code, p.input, p.message])).toEqual([
      ['archive.unsupported', 'messages.1.xz', 'xz-compressed: not read (gzip, zstd, zip and tar are); unpack it (`xz -d`) and add what it holds'],
      ['archive.unsupported', 'messages.2.bz2', 'bzip2-compressed: not read (gzip, zstd, zip and tar are); unpack it (`bzip2 -d`) and add what it holds'],
      ['archive.unsupported', 'var/log/journal/0f/system.journal', 'a systemd journal file (binary): not read; export it (`journalctl --file FILE -o short-iso`, or `-o json`) and add the text'],
    ]);
    expect(c.inputs.map((i) => i.sha256)).toEqual([sha(xz), sha(bz2), sha(journal)]);
  });
});
