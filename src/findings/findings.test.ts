import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../correlate/analyze-case';
import { buildGraph } from '../correlate/correlate';
import { buildWorld, FP, ISS, JTI_ALICE, SUB_ALICE, THIEF_IP, WorldBuilder } from '../correlate/testing/world';
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS } from '../model/case';
import type { Finding } from '../model/finding';
import { validateCase } from '../model/validate';
import { TOOL_VERSION } from '../model/version';
import { findingsFor } from './index';
import { sandboxOf } from './misuse';

const w = buildWorld();
const g = buildGraph(w.events, w.tokens, DEFAULT_SETTINGS);
const findings = findingsFor(g);
const byRule = (rule: string) => findings.filter((f) => f.rule === rule);
const lines = (f: Finding) => f.evidence.map((e) => `${e.input.split('/').pop()}:${e.line}`);

describe('findings', () => {
  it('stolen token: use from an outside IP names the pilot, payload, user, issuer and the revocation step', () => {
    const [f] = byRule('misuse.foreign-ip');
    expect(byRule('misuse.foreign-ip')).toHaveLength(1);
    expect(f!.id).toBe(`misuse.foreign-ip:${FP.alice}`);
    expect(f!.severity).toBe('critical');
    expect(f!.explanation).toContain('pilot-wn042-a');
    expect(f!.explanation).toContain('6871234567');
    expect(f!.explanation).toContain('alice');
    expect(f!.explanation).toContain(ISS);
    expect(f!.explanation).toContain(THIEF_IP);
    expect(f!.containment[0]).toBe(`Revoke at ${ISS} the token jti=${JTI_ALICE} (or suspend subject ${SUB_ALICE})`);
    expect(f!.containment).toContain(`Ban subject ${SUB_ALICE} at se01.example-site.org until the issuer has revoked it`);
    expect(f!.containment).toContain('Kill pilots pilot-wn042-a on ce01.example-site.org (payloads 6871234567)');
    expect(lines(f!).slice(0, 2)).toEqual(['webdav-se01Domain.access:3', 'webdav-se01Domain.access:4']);
    expect(f!.entities).toEqual(expect.arrayContaining([`token:${FP.alice}`, 'pilot:pilot-wn042-a', 'payload:6871234567', `ip:${THIEF_IP}`]));
  });

  it('no foreign-ip finding for tokens used only from their own nodes (NAT included) or by the CE submission', () => {
    for (const fp of [FP.bob, FP.pilot, FP.alice2]) expect(findings.some((f) => f.rule === 'misuse.foreign-ip' && f.entities.includes(`token:${fp}`))).toBe(false);
  });

  it('use after the payload ended', () => {
    const [f] = byRule('misuse.after-payload');
    expect(f!.entities).toContain(`token:${FP.alice}`);
    expect(lines(f!)).toEqual(['webdav-se01Domain.access:4', 'pilotlog.txt:5']);
    expect(f!.explanation).toMatch(/ended at 2026-11-23 14:30:00 UTC.*14:50:00/);
  });

  it('one token from several clients; NAT IP and its nodes count as one', () => {
    const f = byRule('misuse.multi-host');
    expect(f).toHaveLength(1);
    expect(f[0]!.explanation).toContain(`ip ${THIEF_IP}`);
    expect(f[0]!.explanation).toContain('wn042.example-site.org / wn043.example-site.org');
  });

  it("a user's token in another user's payload", () => {
    const [f] = byRule('misuse.cross-user-token');
    expect(f!.id).toBe(`misuse.cross-user-token:${FP.alice2}|6871234999`);
    expect(f!.title).toBe('Token of alice found in payload 6871234999 of bob');
    expect(f!.containment[1]).toMatch(/Kill pilot pilot-wn043-a on ce01/);
  });

  it('token in a log line: rotate and purge with file:line', () => {
    const f = byRule('exposure.token-in-log');
    expect(f.map((x) => x.id)).toEqual(['exposure.token-in-log:bundle.tar.gz!/wn042/pilot/pilotlog.txt', 'exposure.token-in-log:bundle.tar.gz!/wn043/pilot/pilotlog.txt']);
    expect(f[0]!.containment[0]).toBe(`Rotate exposed tokens: ${FP.alice.slice(0, 16)}; purge bundle.tar.gz!/wn042/pilot/pilotlog.txt:4`);
    expect(f[0]!.severity).toBe('high');
  });

  it('an exposure of tokens already expired when written is medium', () => {
    const b = new WorldBuilder();
    b.add('x/app.log', 'generic', '12:00:00', 'token.exposure', { tokenFps: [FP.bob] }, 'Authorization: Bearer eyJ..[sig-redacted:5d7c3e2b4a8e6c83]');
    const g2 = buildGraph(b.events, [{ ...w.tokens.find((t) => t.fp === FP.bob)!, exp: Date.parse('2026-11-23T11:00:00Z') / 1000 }], DEFAULT_SETTINGS);
    expect(findingsFor(g2).map((x) => `${x.rule}/${x.severity}`)).toEqual(['exposure.token-in-log/medium']);
  });

  it('refresh token redeemed by an unexpected client from an outside IP', () => {
    const [f] = byRule('misuse.refresh-unexpected-client');
    expect(f!.explanation).toMatch(/issued to client panda-client.*redeemed by client evil-client from 203\.0\.113\.7/);
    expect(f!.containment[0]).toMatch(new RegExp(`^Revoke at ${ISS.replace(/[./]/g, '\\$&')} the refresh tokens of subject ${SUB_ALICE}`));
    expect(lines(f!)[0]).toBe('iam-login-service.log:4');
  });

  it('no finding at all for the clean ATLAS user', () => {
    expect(findings.some((f) => f.explanation.includes('carol'))).toBe(false);
  });

  it('includes per-token policy findings from a judge, deduplicated, with the token lines as evidence', () => {
    const judge = (info: { fp: string; lifetimeS?: number }) => (info.lifetimeS && info.lifetimeS > 86_400 ? [{ id: `policy.lifetime.max24h:${info.fp}`, rule: 'policy.lifetime.max24h', severity: 'medium' as const, title: 'long', explanation: 'x', entities: [], evidence: [], containment: [] }] : []);
    const fs = findingsFor(g, (i) => [...judge(i), ...judge(i)]);
    const pol = fs.filter((f) => f.rule === 'policy.lifetime.max24h');
    expect(pol.map((f) => f.id)).toEqual([`policy.lifetime.max24h:${FP.alice}`]);
    expect(pol[0]!.entities).toEqual([`token:${FP.alice}`]);
    expect(pol[0]!.evidence.length).toBeGreaterThan(0);
  });

  it('analyzeCase fills entities, links and findings; the case still validates; output is deterministic', () => {
    const c: Case = { format: CASE_FORMAT, id: 'c1', name: 'world', tool: { name: 'tokentrail', version: TOOL_VERSION }, settings: DEFAULT_SETTINGS, profile: 'csirt', inputs: [], events: w.events, tokens: w.tokens, entities: [], links: [], findings: [], problems: [], redaction: {} };
    const a = analyzeCase(c);
    expect(a.entities.length).toBeGreaterThan(20);
    expect(a.links.length).toBeGreaterThan(20);
    expect(a.findings.map((f) => f.rule)).toEqual(['misuse.foreign-ip', 'exposure.token-in-log', 'exposure.token-in-log', 'misuse.after-payload', 'misuse.cross-user-token', 'misuse.refresh-unexpected-client', 'misuse.multi-host']);
    const v = validateCase(JSON.parse(JSON.stringify(a)));
    expect(v.errors).toEqual([]);
    expect(JSON.stringify(analyzeCase(c))).toBe(JSON.stringify(a));
    expect(JSON.stringify(a)).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{16,}/);
  });
});

describe('sandbox paths', () => {
  it('reads the HTCondor execute sandbox of a file, wherever the bundle put it', () => {
    expect(sandboxOf('captured/wn017.example-site.org/var/lib/condor/execute/dir_40118/.cache/x/bt_u41003')).toBe('wn017.example-site.org|dir_40118');
    expect(sandboxOf('bundle.tar.gz!/WN017.example-site.org/var/lib/condor/execute/dir_40118/PanDA_Pilot-1/pilotlog.txt')).toBe('wn017.example-site.org|dir_40118');
    expect(sandboxOf('wn017.example-site.org/var/log/condor/StarterLog')).toBeUndefined();
    expect(sandboxOf('execute/dir_1/x')).toBeUndefined();
  });
});
