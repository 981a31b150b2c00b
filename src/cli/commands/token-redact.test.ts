import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../redact/corpus';
import type { CliIo } from '../io';
import { main } from '../main';

const corpus = await buildCorpus();
const dir = mkdtempSync(join(tmpdir(), 'tt-cli-'));
const bin = join(__dirname, '..', '..', '..', 'bin', 'tokentrail.cjs');

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

describe('tokentrail token', () => {
  const nine = corpus.tokens.nineDay!;
  const sig = nine.split('.')[2]!;

  it('names the 7-day and delete-power findings for a 9-day storage.modify:/ token and prints no signature', async () => {
    const io = capture();
    expect(await main(['token', nine], io)).toBe(0);
    expect(io.stdout).toMatch(/policy\.lifetime\.max7d/);
    expect(io.stdout).toMatch(/policy\.scope\.delete-power/);
    expect(io.stdout + io.stderr).not.toContain(sig);
  });

  it('--json gives the decoded fields, verification and findings', async () => {
    const io = capture();
    expect(await main(['token', nine, '--json'], io)).toBe(0);
    const j = JSON.parse(io.stdout);
    expect(j.info).toMatchObject({ kind: 'wlcg', iss: 'https://cms-auth.example-iam.org/', jti: '9d9d9d9d-0000-4000-8000-000000000009', lifetimeS: 777600 });
    expect(j.info.fp).toMatch(/^[0-9a-f]{64}$/);
    expect(j.info.header.alg).toBe('RS256');
    expect(j.verification.status).toBe('no-key');
    expect(j.findings.map((f: { rule: string }) => f.rule)).toContain('policy.lifetime.max7d');
    expect(io.stdout).not.toContain(sig);
  });

  it('reads @FILE and says "malformed token" with a reason for garbage, exit 1', async () => {
    const f = join(dir, 'bt_u1001');
    writeFileSync(f, `${corpus.tokens.wlcg}\n`);
    expect(await main(['token', `@${f}`], capture())).toBe(0);
    writeFileSync(f, 'eyJub3QganNvbg.eyJhbGl2ZSI6dHJ1ZX0.c2lnbmF0dXJlLXBhcnQtdGhhdC1tdXN0LWdv\n');
    const io = capture();
    expect(await main(['token', `@${f}`], io)).toBe(1);
    expect(io.stderr).toMatch(/malformed token: header does not decode/);
    const io2 = capture();
    expect(await main(['token', 'hello world'], io2)).toBe(1);
    expect(io2.stderr).toMatch(/malformed token/);
  });
});

describe('tokentrail redact', () => {
  const input = join(dir, 'corpus.log');
  writeFileSync(input, `${[...corpus.lines, ...corpus.pemBlock, ...corpus.negatives].join('\n')}\n`);

  it('passes the invariant on the corpus (spawned CLI) and keeps negatives', () => {
    const r = spawnSync('node', [bin, 'redact', input, '--stats'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    for (const s of corpus.secrets) expect(r.stdout.includes(s), `leaked ${s.slice(0, 20)}`).toBe(false);
    for (const n of corpus.negatives) expect(r.stdout).toContain(n);
    expect(r.stderr).toMatch(/redacted: .*wlcg=\d+/);
  });

  it('--profile public --out leaves no original user name, subject or IP', async () => {
    const out = join(dir, 'public.log');
    expect(await main(['redact', input, '--profile', 'public', '--key', 'ab'.repeat(16), '--out', out], capture())).toBe(0);
    const text = readFileSync(out, 'utf8');
    for (const v of [...corpus.personal.users, ...corpus.personal.subjects, ...corpus.personal.ips]) {
      expect(text, `kept ${v}`).not.toMatch(new RegExp(`(?<![A-Za-z0-9_-])${v.replace(/\./g, '\\.')}(?![A-Za-z0-9_-])`));
    }
    for (const s of corpus.secrets) expect(text.includes(s)).toBe(false);
  });

  it('reads stdin', () => {
    const out = execFileSync('node', [bin, 'redact'], { input: `Authorization: Bearer ${corpus.tokens.wlcg}\n`, encoding: 'utf8' });
    expect(out).toMatch(/^Authorization: Bearer eyJ[^.]+\.eyJ[^.]+\.\[sig-redacted:[0-9a-f]{16}\]\n$/);
  });
});
