import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHostileCorpus, hostileBundle } from '../../ingest/hostile/build';
import type { Case } from '../../model/case';
import { validateCase } from '../../model/validate';
import type { CliIo } from '../io';
import { main } from '../main';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'tt-analyze-'));
const bundleDir = join(dir, 'bundle');
let jwt = '';

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256');
  jwt = await new SignJWT({ 'wlcg.ver': '1.0', scope: 'storage.read:/ compute.create' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
    .setIssuer('https://cms-auth.web.cern.ch/')
    .setSubject('a1b2c3d4-0000-4000-8000-000000000001')
    .setIssuedAt(1795168800)
    .setExpirationTime(1795172400)
    .sign(privateKey);
  mkdirSync(join(bundleDir, 'site', 'wn'), { recursive: true });
  const { files } = buildHostileCorpus();
  writeFileSync(join(bundleDir, 'hostile.tar.gz'), await hostileBundle(files));
  const app = `2026-11-20T10:00:00Z pilot started on wn042 203.0.113.7\n2026-11-20T10:00:05Z export BEARER_TOKEN=${jwt}\n`;
  writeFileSync(join(bundleDir, 'site', 'wn', 'pilot.log'), app);
  writeFileSync(join(bundleDir, 'site', 'wn', 'pilot.log.1.gz'), gzipSync(app));
  symlinkSync('/etc/passwd', join(bundleDir, 'site', 'passwd-link'));
  // Building the corpus (a 32 MiB bomb, RSA keys) is slow on a loaded 2-core machine.
}, 120_000);

describe('tokentrail analyze', () => {
  it('loads a bundle with hostile files: case validates, no token survives, problems listed, exit 0', async () => {
    const out = join(dir, 'case.json');
    const io = capture();
    expect(await main(['analyze', bundleDir, '--out', out], io)).toBe(0);
    const text = readFileSync(out, 'utf8');
    const c = JSON.parse(text) as Case;
    expect(validateCase(c)).toEqual({ valid: true, errors: [] });
    const sig = jwt.split('.')[2]!;
    expect(text).not.toContain(sig);
    expect(io.stdout + io.stderr).not.toContain(sig);
    expect(c.createdAt).toBeUndefined();
    expect(c.redaction.wlcg).toBe(2); // the real redactor classifies the WLCG profile token
    expect(c.events.filter((e) => e.kind === 'token.exposure')).toHaveLength(2);
    // Chain of custody: hashes of the files as given.
    const pilot = c.inputs.find((i) => i.path.endsWith('site/wn/pilot.log'))!;
    expect(pilot.sha256).toBe(createHash('sha256').update(readFileSync(join(bundleDir, 'site', 'wn', 'pilot.log'))).digest('hex'));
    for (const code of ['archive.bomb', 'archive.path-traversal', 'archive.link', 'line.too-long', 'archive.truncated', 'input.binary', 'line.invalid-utf8', 'input.empty', 'input.unreadable']) {
      expect(io.stdout).toContain(`  ${code} (`);
    }
    expect(io.stdout).toMatch(/hostile\.tar\.gz!\/long-line\.log:1: line longer than the limit/);
    expect(io.stdout).toMatch(/passwd-link: symbolic link inside a directory: not followed/);
    // The findings come first, the worst with the line that shows it (the exported bearer token).
    const exposure = c.findings.find((f) => f.rule.startsWith('exposure.'))!;
    expect(io.stdout).toContain(`findings: ${c.findings.length} (`);
    expect(io.stdout).toContain(`  ${exposure.severity.toUpperCase().padEnd(8)} ${exposure.title}`);
    expect(io.stdout).toMatch(/evidence: .*site\/wn\/pilot\.log(\.1\.gz)?:2/);
    expect(io.stdout).toContain(`next: tokentrail report ${out} --format html`);
  });

  it('writes identical bytes on two runs, and createdAt only when asked', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect(await main(['analyze', join(bundleDir, 'site'), '--out', a, '--json'], capture())).toBe(0);
    expect(await main(['analyze', join(bundleDir, 'site'), '--out', b, '--json'], capture())).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    const d = join(dir, 'd.json');
    expect(await main(['analyze', join(bundleDir, 'site'), '--out', d, '--created-at', '2026-11-23T09:00:00Z'], capture())).toBe(0);
    const cd = JSON.parse(readFileSync(d, 'utf8')) as Case;
    expect(cd.createdAt).toBe('2026-11-23T09:00:00.000Z');
    expect(cd.id).toBe((JSON.parse(readFileSync(a, 'utf8')) as Case).id);
  });

  it('--json prints the summary; --tz and --tz-for set the zone per input', async () => {
    const io = capture();
    const site = join(bundleDir, 'site');
    expect(await main(['analyze', site, '--json', '--tz', 'Europe/Zurich', '--tz-for', `${join(site, 'wn', 'pilot.log.1.gz')}=America/Chicago`, '--out', join(dir, 'tz.json')], io)).toBe(0);
    const s = JSON.parse(io.stdout);
    expect(s.events.total).toBe(4);
    expect(s.tokens).toEqual({ distinct: 1, sightingsByKind: { wlcg: 2 } });
    expect(Object.keys(s.problems.byCode)).toEqual(['input.unreadable']);
    expect(s.findings.total).toBeGreaterThan(0);
    expect(s.findings.top[0]).toMatchObject({ rule: expect.stringMatching(/^exposure\./), evidence: expect.stringMatching(/pilot\.log(\.1\.gz)?:2$/) });
    const c = JSON.parse(readFileSync(join(dir, 'tz.json'), 'utf8')) as Case;
    expect(c.inputs.map((i) => i.tz)).toEqual(['Europe/Zurich', 'America/Chicago']);
  });

  it('--tz and --tz-for also take a fixed UTC offset, as sites describe their clocks', async () => {
    const auth = join(dir, 'tz-offset', 'auth.log');
    mkdirSync(join(dir, 'tz-offset'), { recursive: true });
    writeFileSync(auth, 'Nov 23 14:05:41 ui01 sshd[4242]: Accepted publickey for alice from 203.0.113.7 port 50122 ssh2\n');
    const timesWith = async (...tzArgs: string[]) => {
      const out = join(dir, `tz-${tzArgs.join('_').replace(/[^\w+-]/g, '')}.json`);
      expect(await main(['analyze', auth, '--year', '2026', ...tzArgs, '--out', out], capture())).toBe(0);
      const c = JSON.parse(readFileSync(out, 'utf8')) as Case;
      return { tz: c.inputs.map((i) => i.tz), times: c.events.map((e) => new Date(e.time.ts).toISOString()) };
    };
    // UTC+1 is IANA's Etc/GMT-1 (sign inverted); both spellings give the same instant.
    expect(await timesWith('--tz', 'UTC+1')).toEqual({ tz: ['+01:00'], times: ['2026-11-23T13:05:41.000Z'] });
    expect((await timesWith('--tz', 'Etc/GMT-1')).times).toEqual(['2026-11-23T13:05:41.000Z']);
    expect(await timesWith('--tz-for', `${auth}=-0530`)).toEqual({ tz: ['-05:30'], times: ['2026-11-23T19:35:41.000Z'] });
    for (const bad of ['+25:00', 'UTC+1:75', '+']) expect(await main(['analyze', auth, '--tz', bad], capture())).toBe(2);
  });

  it('exits 1 when nothing could be read', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const io = capture();
    expect(await main(['analyze', empty, join(dir, 'missing.log')], io)).toBe(1);
    expect(io.stdout).toMatch(/input\.empty/);
    expect(io.stdout).toMatch(/missing\.log: cannot read: ENOENT/);
    expect(io.stderr).toMatch(/nothing could be read/);
  });

  it('exits 2 on usage errors', async () => {
    const log = join(bundleDir, 'site', 'wn', 'pilot.log');
    expect(await main(['analyze'], capture())).toBe(2);
    expect(await main(['analyze', log, '--tz', 'Mars/Olympus'], capture())).toBe(2);
    expect(await main(['analyze', log, '--tz-for', 'nozone'], capture())).toBe(2);
    expect(await main(['analyze', log, '--year', 'soon'], capture())).toBe(2);
  });
});
