import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenario/index';
import type { CliIo } from '../io';
import { main } from '../main';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

const root = join(__dirname, '..', '..', '..');

describe('tokentrail scenario', () => {
  it('list prints every scenario with its description', async () => {
    const io = capture();
    expect(await main(['scenario', 'list'], io)).toBe(0);
    for (const s of SCENARIOS) expect(io.stdout).toContain(`${s.name}  `);
    expect(io.stdout.trim().split('\n')).toHaveLength(SCENARIOS.length);
  });

  it('writes bundle/ and answers.json beside it, reproducibly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-scn-'));
    const io = capture();
    const args = (out: string) => ['scenario', 'refresh-abuse', '--seed', '4', '--size', '1MB', '--difficulty', 'hard', '--out', out];
    expect(await main(args(join(dir, 'a')), io)).toBe(0);
    expect(await main(args(join(dir, 'b')), capture())).toBe(0);
    const answers = JSON.parse(readFileSync(join(dir, 'a', 'answers.json'), 'utf8'));
    expect(answers).toMatchObject({ scenario: 'refresh-abuse', seed: 4, difficulty: 'hard', bundleDir: 'bundle' });
    expect(existsSync(join(dir, 'a', 'bundle', 'answers.json'))).toBe(false);
    expect(readFileSync(join(dir, 'a', 'bundle', 'jwks.json'), 'utf8')).toContain('"kty": "RSA"');
    for (const t of answers.compromisedTokens) for (const e of t.exposedIn) {
      expect(readFileSync(join(dir, 'a', 'bundle', e.file))).toEqual(readFileSync(join(dir, 'b', 'bundle', e.file)));
    }
    const size = statSync(join(dir, 'a', 'bundle', 'README.txt')).size;
    expect(size).toBeGreaterThan(500);
    expect(io.stderr).toMatch(/wrote \d+ files/);
    // What the command prints carries no token (the bundle itself is training input and does).
    expect(io.stdout + io.stderr).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    expect(readFileSync(join(dir, 'a', 'answers.json'), 'utf8')).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  });

  it('usage errors exit 2: unknown scenario lists the names, bad size, missing --out, existing bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-scn-'));
    let io = capture();
    expect(await main(['scenario', 'nope', '--out', join(dir, 'x')], io)).toBe(2);
    expect(io.stderr).toContain("unknown scenario 'nope'");
    for (const s of SCENARIOS) expect(io.stderr).toContain(s.name);
    io = capture();
    expect(await main(['scenario', 'benign', '--size', 'lots', '--out', join(dir, 'x')], io)).toBe(2);
    expect(io.stderr).toMatch(/--size/);
    io = capture();
    expect(await main(['scenario', 'benign', '--size', '2GB', '--out', join(dir, 'x')], io)).toBe(2);
    expect(io.stderr).toMatch(/between 1 MB and 1 GB/);
    expect(await main(['scenario', 'benign'], capture())).toBe(2);
    expect(await main(['scenario', 'benign', '--difficulty', 'insane', '--out', join(dir, 'x')], capture())).toBe(2);
    expect(await main(['scenario', 'benign', '--size', '1MB', '--out', join(dir, 'y')], capture())).toBe(0);
    io = capture();
    expect(await main(['scenario', 'benign', '--size', '1MB', '--out', join(dir, 'y')], io)).toBe(2);
    expect(io.stderr).toMatch(/already holds/);
  });

  it('works through bin/tokentrail.cjs', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'tokentrail.cjs'), 'scenario', 'list'], { encoding: 'utf8' });
    expect(out).toMatch(/^stolen-token\s+A payload token leaks/m);
    expect(out).toMatch(/^benign\s+/m);
  });
});
