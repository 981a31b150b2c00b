import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildWorld, FP, NAT_IP, THIEF_IP } from '../../correlate/testing/world';
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS } from '../../model/case';
import { TOOL_VERSION } from '../../model/version';
import type { CliIo } from '../io';
import { main } from '../main';
import { parseDuration } from './trace';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTty: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

function writeCase(mutate?: (c: Case) => void): string {
  const w = buildWorld();
  const c: Case = { format: CASE_FORMAT, id: 'case-world', name: 'world', tool: { name: 'tokentrail', version: TOOL_VERSION }, settings: DEFAULT_SETTINGS, profile: 'csirt', inputs: [], events: w.events, tokens: w.tokens, entities: [], links: [], findings: [], problems: [], redaction: {} };
  mutate?.(c);
  const dir = mkdtempSync(join(tmpdir(), 'tt-trace-'));
  const p = join(dir, 'case.json');
  writeFileSync(p, JSON.stringify(c));
  return p;
}

const file = writeCase();

describe('tokentrail trace', () => {
  it('at + ip --json prints [S1, V1]; NAT gives an ambiguous answer with evidence', async () => {
    const io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:20:00Z', '--ip', NAT_IP, '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout);
    expect(doc.map((a: { question: string }) => a.question)).toEqual(['S1', 'V1']);
    expect(doc[0].ambiguous).toBe(true);
    expect(doc[0].candidates[0]).toMatchObject({ vo: 'cms', pilotIds: ['pilot-wn042-a'], payloadIds: ['6871234567'], users: ['alice'] });
    expect(Object.keys(doc[0].candidates[0].evidence[0]).sort()).toEqual(['input', 'line', 'text']);
  });

  it('--job narrows to one payload (V2, one object); --activity to one job (S2)', async () => {
    let io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:20:00Z', '--ip', NAT_IP, '--job', '40121.0', '--json'], io)).toBe(0);
    const v2 = JSON.parse(io.stdout);
    expect(v2.question).toBe('V2');
    expect(v2.ambiguous).toBe(false);
    expect(v2.candidates.map((c: { payloadIds: string[] }) => c.payloadIds[0])).toEqual(['6871234999']);
    io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:20:00Z', '--ip', NAT_IP, '--activity', 'out.root', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).candidates[0].jobIds).toContain('40117.0');
  });

  it('human output explains in words with file:line evidence and the tolerance', async () => {
    const io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T14:05:41Z', '--ip', THIEF_IP], io)).toBe(0);
    expect(io.stdout).toMatch(/At 2026-11-23 14:05:41 UTC \(±2 min clock tolerance\), 203\.0\.113\.7/);
    expect(io.stdout).toMatch(/webdav-se01Domain\.access:3 {2}level=INFO/);
    expect(io.stdout).toMatch(/Gap: no hosts, DHCP or NAT record maps 203\.0\.113\.7/);
  });

  it('S3, V3 and the token story', async () => {
    let io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:00:00Z', '--until', '2026-11-23T15:00:00Z', '--vo', 'atlas', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).candidates[0].ips).toEqual(['192.0.2.50']);
    io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:30:00Z', '--user', 'bob', '--window', '1h', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).candidates[0].pilotIds).toEqual(['pilot-wn043-a']);
    io = capture();
    expect(await main(['trace', file, '--token', FP.alice.slice(0, 16), '--at', '2026-11-23T14:06:00Z'], io)).toBe(0);
    expect(io.stdout).toMatch(/Blast radius: valid until 2026-11-30/);
  });

  it('usage errors exit 2; unreadable case exits 1; raw inputs say not available yet', async () => {
    let io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:20:00Z'], io)).toBe(2);
    expect(io.stderr).toMatch(/no question follows/);
    io = capture();
    expect(await main(['trace', file, '--at', 'yesterday', '--ip', NAT_IP], io)).toBe(2);
    io = capture();
    expect(await main(['trace', file, '--at', '2026-11-23T13:20:00Z', '--ip', NAT_IP, '--window', 'soon'], io)).toBe(2);
    io = capture();
    expect(await main(['trace', '/nonexistent/case.json', '--at', '2026-11-23T13:20:00Z', '--ip', NAT_IP], io)).toBe(1);
    io = capture();
    expect(await main(['trace', '/nonexistent/bundle.tar.gz', '--at', '2026-11-23T13:20:00Z', '--ip', NAT_IP], io)).toBe(1);
    expect(io.stderr).toMatch(/nothing could be read/);
  });

  it('never prints a usable JWT, even when a case line carries one unredacted', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ sub: 'x', scope: 'storage.modify:/' }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuer('https://cms-auth.example-iam.org/').setIssuedAt().setExpirationTime('1h').sign(privateKey);
    const sig = jwt.split('.')[2]!;
    const leaky = writeCase((c) => {
      const e = c.events.find((x) => x.src.parser === 'dcache.access' && x.ids.ip === THIEF_IP)!;
      e.text = `${e.text} Authorization: Bearer ${jwt}`;
    });
    for (const extra of [[], ['--json']]) {
      const io = capture();
      expect(await main(['trace', leaky, '--at', '2026-11-23T14:05:41Z', '--ip', THIEF_IP, ...extra], io)).toBe(0);
      expect(io.stdout).toContain('Authorization: Bearer eyJ');
      expect(io.stdout).not.toContain(sig);
    }
  });

  it('traces raw inputs through ingestion (the demo bundle: S2 names the one job)', async () => {
    const io = capture();
    const bundle = join(__dirname, '../../../assets/demo/bundle');
    const args = ['trace', bundle, '--tz', 'Europe/Zurich', '--at', '2026-11-23T08:33:59Z', '--ip', '192.0.2.117', '--activity', 'EVNT.31559642._000900.pool.root.1', '--json'];
    expect(await main(args, io)).toBe(0);
    const a = JSON.parse(io.stdout);
    expect(a.question).toBe('S2');
    expect(a.candidates.map((c: { jobIds: string[] }) => c.jobIds.find((j) => j.includes('#')))).toEqual(['ce01.example-site.org#40120.0#1795422007']);
  });

  it('parses durations', () => {
    expect([parseDuration('90s'), parseDuration('5m'), parseDuration('2h'), parseDuration('1d'), parseDuration('250'), parseDuration('x')]).toEqual([90_000, 300_000, 7_200_000, 86_400_000, 250, undefined]);
  });
});
