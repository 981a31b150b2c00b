/**
 * The hostile corpus (see README.md). Web-standard (fflate + modern-tar + CompressionStream-free
 * gzip from fflate), so it also runs in a Worker or browser test.
 */
import { gzipSync, zipSync } from 'fflate';
import { packTar, type TarEntry } from 'modern-tar';
import type { ProblemCode } from '../../model/problem';

export interface CorpusFile {
  /** Path inside the bundle. */
  name: string;
  bytes: Uint8Array;
  type?: 'file' | 'symlink';
  linkname?: string;
}

/** A hostile case: the file(s) and the problem ingestion must record, at which path. */
export interface HostileCase {
  code: ProblemCode;
  /** Member path (inside the bundle) the problem is about. */
  at: string;
}

const enc = (s: string) => new TextEncoder().encode(s);
const MTIME = new Date(Date.UTC(2026, 10, 20, 12));

export const GOOD_SCHEDLOG = '11/20/26 10:00:01 (pid:4242) Number of Active Workers 0\n11/20/26 10:00:02 (pid:4242) JobsRunning = 3\n';

/** Every file of the corpus; `cases` says what each hostile one must produce. */
export function buildHostileCorpus(): { files: CorpusFile[]; cases: HostileCase[] } {
  // Long runs of one byte deflate at ~1000:1, like a real bomb.
  const bombLine = `11/20/26 10:00:01 (pid:4242) ${'A'.repeat(4000)}\n`;
  const bombText = enc(bombLine.repeat(Math.ceil((32 * 1024 * 1024) / bombLine.length)));
  const bombZip = zipSync({ 'big.log': [bombText, { level: 9 }], 'after-bomb.log': enc('a good line after the bomb\n') });
  const gzBomb = gzipSync(bombText, { level: 9 });
  const cutSource = enc(Array.from({ length: 20000 }, (_, i) => `cut log line ${i} with some varied text ${(i * 7919) % 10007}`).join('\n'));
  const cutGz = gzipSync(cutSource);
  const binary = new Uint8Array(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131 + 7) & 0xff;
  binary.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);
  const latin1: number[] = [];
  for (let i = 0; i < 60; i++) latin1.push(...enc(`caf`), 0xe9, ...enc(` line ${i} M\u00fcller`), 0xff, 0x0a);
  const long = `${'A'.repeat(5 * 1024 * 1024)}\nline after the long one\n`;
  // 20 bytes whose zstd frame header asks for a 1 GiB window (a decompressor that trusts it allocates it).
  const zstdWindow = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0x21, 0, 0, 0x41, 0x42, 0x43, 0x0a]);
  // A rotated log with bytes after its gzip data that are not gzip.
  const junkGz = new Uint8Array([...gzipSync(enc('junk-tail line 1\njunk-tail line 2\n')), ...enc('trailer that is not gzip\n')]);
  // xz data (its magic and stream header): not read, and named.
  const xz = new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21, 0x01]);
  // A glidein .err whose embedded StarterLog (gzip | uuencode) is cut by the end of the file.
  const starter = gzipSync(enc(Array.from({ length: 400 }, (_, i) => `11/20/26 10:${String(i % 60).padStart(2, '0')}:00 (pid:77) line ${i} ${(i * 7919) % 10007}`).join('\n')));
  const b64 = btoa(Array.from(starter, (b) => String.fromCharCode(b)).join('')).match(/.{1,76}/g) ?? [];
  const glideinErr = enc(['StarterLog.slot1_1', '======== gzip | uuencode =============', 'begin-base64 644 -', ...b64.slice(0, Math.ceil(b64.length / 2)), ''].join('\n'));
  const files: CorpusFile[] = [
    { name: 'var/log/condor/SchedLog', bytes: enc(GOOD_SCHEDLOG) },
    { name: 'bomb.zip', bytes: bombZip },
    { name: 'bomb.log.gz', bytes: gzBomb },
    { name: '../../etc/cron.d/evil.log', bytes: enc('escaped via dot-dot\n') },
    { name: '/etc/absolute.log', bytes: enc('absolute member name\n') },
    { name: 'var/log/shadow-link', bytes: new Uint8Array(0), type: 'symlink', linkname: '/etc/shadow' },
    { name: 'long-line.log', bytes: enc(long) },
    { name: 'cut.log.gz', bytes: cutGz.subarray(0, Math.floor(cutGz.length / 2)) },
    { name: 'core.bin', bytes: binary },
    { name: 'latin1.log', bytes: new Uint8Array(latin1) },
    { name: 'empty.log', bytes: new Uint8Array(0) },
    { name: 'window.log.zst', bytes: zstdWindow },
    { name: 'junk-tail.log.gz', bytes: junkGz },
    { name: 'messages.1.xz', bytes: xz },
    { name: 'job.4242.0.err', bytes: glideinErr },
  ];
  const cases: HostileCase[] = [
    { code: 'archive.bomb', at: 'bomb.zip!/big.log' },
    { code: 'archive.bomb', at: 'bomb.log.gz' },
    { code: 'archive.path-traversal', at: 'etc/cron.d/evil.log' },
    { code: 'archive.path-traversal', at: 'etc/absolute.log' },
    { code: 'archive.link', at: 'var/log/shadow-link' },
    { code: 'line.too-long', at: 'long-line.log' },
    { code: 'archive.truncated', at: 'cut.log.gz' },
    { code: 'input.binary', at: 'core.bin' },
    { code: 'line.invalid-utf8', at: 'latin1.log' },
    { code: 'input.empty', at: 'empty.log' },
    { code: 'archive.truncated', at: 'window.log.zst' },
    { code: 'archive.truncated', at: 'junk-tail.log.gz' },
    { code: 'archive.unsupported', at: 'messages.1.xz' },
    { code: 'archive.truncated', at: 'job.4242.0.err!/StarterLog.slot1_1' },
  ];
  return { files, cases };
}

/** All corpus files in one `.tar.gz` (members keep their hostile names). */
export async function hostileBundle(files: CorpusFile[]): Promise<Uint8Array> {
  const entries: TarEntry[] = files.map((f) =>
    f.type === 'symlink'
      ? { header: { name: f.name, size: 0, type: 'symlink', linkname: f.linkname, mtime: MTIME } }
      : { header: { name: f.name, size: f.bytes.length, type: 'file', mtime: MTIME }, body: f.bytes },
  );
  return gzipSync(await packTar(entries));
}
