import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../model/version';
import type { CliIo } from './io';
import { main } from './main';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

describe('tokentrail CLI', () => {
  it('--help lists every subcommand', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    for (const c of ['analyze', 'trace', 'report', 'redact', 'token', 'scenario']) expect(io.stdout).toContain(c);
  });

  it('an unknown subcommand exits 2 with usage on stderr', async () => {
    const io = capture();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(io.stderr).toMatch(/Usage: tokentrail/);
  });

  it('no arguments exits 2 with usage', async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.stderr).toMatch(/Usage: tokentrail/);
  });

  it('TOOL_VERSION follows package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
