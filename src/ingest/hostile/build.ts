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
