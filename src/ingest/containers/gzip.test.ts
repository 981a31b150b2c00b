/**
 * Broken gzip files through the real pipeline: a small one cut short, one with bytes after it
 * that are not gzip. The platform's decompressor drops its last output on such an error (all of a
 * small file); what came before the bad byte is read all the same, with a problem record.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../../pipeline/index';
import { bytesSource } from '../source';

const LINES = 200;
const log = `${Array.from({ length: LINES }, (_, i) => `Nov 23 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ui01 sshd[${1000 + i}]: Accepted publickey for user${i} from 198.51.100.7 port ${40000 + i} ssh2`).join('\n')}\n`;
const gz = gzipSync(log);

describe('broken gzip', () => {
  it('keeps the lines of a small gzip cut short', async () => {
    const c = await analyzeSources([bytesSource('secure.2.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))], { name: 'cut' });
    // The cut, and the line it cut in two.
    expect(c.problems.map((p) => p.code).sort()).toEqual(['archive.truncated', 'line.malformed']);
    const users = c.events.map((e) => e.ids.user);
    // The lines before the cut, in order; the last one may be cut in two (then not an sshd line).
    expect(users.length).toBeGreaterThan(LINES * 0.4);
    expect(users).toEqual(Array.from({ length: users.length }, (_, i) => `user${i}`));
  });

  it('reads all of a gzip followed by bytes that are not gzip, and says so', async () => {
    const c = await analyzeSources([bytesSource('secure.1.gz', Buffer.concat([gz, Buffer.from('not gzip: a copy tool\'s trailer\n')]))], { name: 'junk' });
    expect(c.events.map((e) => e.ids.user)).toEqual(Array.from({ length: LINES }, (_, i) => `user${i}`));
    expect(c.problems.map((p) => [p.code, p.input])).toEqual([['archive.truncated', 'secure.1.gz']]);
  });
});
