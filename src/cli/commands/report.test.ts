import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCase } from '../../report/testing/fixture-case';
import type { CliIo } from '../io';
import { main } from '../main';
import { findChromium } from '../pdf';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'tt-report-'));
const casePath = join(dir, 'case.json');
writeFileSync(casePath, JSON.stringify(fixtureCase()));
process.env.TOKENTRAIL_SECRET = join(dir, 'secret');

describe('tokentrail report', () => {
  it('writes an HTML report with the TLP label, reproducibly with --generated-at', async () => {
    const out = join(dir, 'r.html');
    const args = ['report', casePath, '--format', 'html', '--profile', 'vo', '--vo', 'cms', '--tlp', 'amber', '--generated-at', '2026-11-23T16:00:00Z', '--out', out];
    expect(await main(args, capture())).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first).toContain('TLP:AMBER');
    expect(await main(args, capture())).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('usage errors exit 2: missing --tlp, vo profile without --vo', async () => {
    const io = capture();
    expect(await main(['report', casePath, '--format', 'html', '--out', join(dir, 'x.html')], io)).toBe(2);
    expect(io.stderr).toMatch(/--tlp/);
    expect(await main(['report', casePath, '--format', 'html', '--profile', 'vo', '--tlp', 'red', '--out', join(dir, 'x.html')], capture())).toBe(2);
  });

  it('a file that is not a case exits 1 with the reason', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"nope"}');
    const io = capture();
    expect(await main(['report', bad, '--format', 'md', '--tlp', 'red', '--out', join(dir, 'x.md')], io)).toBe(1);
    expect(io.stderr).toMatch(/not a tokentrail.case\/v1/);
  });

  it.skipIf(!findChromium() || !existsSync('/usr/bin/pdftoppm'))('produces a PDF whose first page is not blank', async () => {
    const out = join(dir, 'r.pdf');
    expect(await main(['report', casePath, '--format', 'pdf', '--profile', 'csirt', '--tlp', 'amber', '--generated-at', '2026-11-23T16:00:00Z', '--out', out], capture())).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', out, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page-1.pgm'));
    // P5 header: "P5\n<w> <h>\n255\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const pixels = pgm.subarray(header[0].length);
    const dark = pixels.filter((p) => p < 128).length;
    expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
    expect(dark / pixels.length).toBeGreaterThan(0.01);
  }, 60_000);
});
