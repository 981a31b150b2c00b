import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { tokenFileParser } from './index';

const bt = readFileSync(join(__dirname, 'samples/bt_u1001'), 'utf8');
const env = readFileSync(join(__dirname, 'samples/job.env'), 'utf8');
const FP = 'e'.repeat(64);

describe('token file / environment dump parser', () => {
  it('detects token files by name and env dumps by content', () => {
    expect(tokenFileParser.detect({ name: 'wn042.example-site.org/tmp/bt_u1001', head: bt.split('\n') })).toBe(0.9);
    expect(tokenFileParser.detect({ name: 'etc/condor/tokens.d/pool', head: [] })).toBe(0.9);
    expect(tokenFileParser.detect({ name: 'dump.txt', head: env.split('\n') })).toBeGreaterThan(0.5);
    expect(tokenFileParser.detect({ name: 'x.log', head: ['261123 14:05:41 2207 XrootdXeq: a.1:2@h pub IPv4 login'] })).toBe(0);
  });

  it('turns the whole-file token into an exposure at the file time', () => {
    const { events, problems } = runParserOther(tokenFileParser, bt, {
      name: 'wn042.example-site.org.tar.gz!/tmp/bt_u1001',
      fileTimeMs: 1795442741000,
      secrets: { 1: [fakeSecret(FP, { sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11' })] },
    });
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]!.kind).toBe('token.exposure');
    expect(events[0]!.time).toEqual({ ts: 1795442741000, text: '', assumed: 'file time' });
    expect(events[0]!.ids).toEqual({ host: 'wn042.example-site.org', tokenFps: [FP], sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11' });
    expect(events[0]!.summary).toContain('uid 1001');
  });

  it('reads env dumps: exposures for values, log events for credential paths', () => {
    const { events } = runParserOther(tokenFileParser, env, { name: 'job.env', fileTimeMs: 1, secrets: { 2: [fakeSecret(FP)] } });
    expect(events.map((e) => [e.kind, e.ids.endpoint])).toEqual([
      ['token.exposure', undefined],
      ['log', '/var/lib/condor/execute/dir_51122/.condor_creds/cms.use'],
      ['log', '/var/lib/condor/execute/dir_51122/x509up_u41001'],
      ['log', '/var/lib/condor/execute/dir_51122/.condor_creds'],
    ]);
  });

  it('marks unknown time and junk lines in a token file', () => {
    const { events, problems } = runParserOther(tokenFileParser, [bt.trim(), ...junkLines()].join('\n'), {
      name: '/tmp/bt_u1001',
      secrets: { 1: [fakeSecret(FP)] },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.time.assumed).toMatch(/unknown/);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['time.unparsed', 1],
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 6],
      ['line.malformed', 7],
    ]);
  });
});
