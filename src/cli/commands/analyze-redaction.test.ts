import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main';

describe('analyze: redaction of non-JWT credentials', () => {
  it('keeps no Vault token, bearer value, URL password or private key in the case or the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-interim-'));
    const vault = `hvs.${'CAESIJ7x9Qz4kLmN2pR8sT1uV3wY5zA6bC0dE'}`;
    const opaque = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA';
    const pass = 's3cr3t-P4ss';
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    writeFileSync(
      join(dir, 'env.txt'),
      [
        `2026-11-20T10:00:00Z X-Vault-Token: ${vault}`,
        `2026-11-20T10:00:01Z curl -H "Authorization: Bearer ${opaque}" https://se01.example.org/`,
        `2026-11-20T10:00:02Z fetch https://alice:${pass}@se01.example.org/data`,
        pem,
      ].join('\n'),
    );
    const out = join(dir, 'case.json');
    const io = {
      stdout: '',
      stderr: '',
      isTty: false,
      out: (s: string) => {
        io.stdout += s;
      },
      err: (s: string) => {
        io.stderr += s;
      },
    };
    expect(await main(['analyze', dir, '--out', out], io)).toBe(0);
    const all = readFileSync(out, 'utf8') + io.stdout + io.stderr;
    for (const secret of [vault, opaque, pass, ...body]) expect(all).not.toContain(secret);
    const c = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(c.redaction).sort()).toEqual(['opaque', 'private-key', 'url-password', 'vault']);
  });
});
