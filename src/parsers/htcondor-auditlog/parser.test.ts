import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParser } from '../common/testing';
import { auditLogParser } from './parser';

const sample = readFileSync(join(__dirname, 'samples', 'AuditLog'), 'utf8');
const name = 'site.tar.gz!/ce01.example-site.org/var/log/condor-ce/AuditLog';

describe('htcondor.auditlog', () => {
  const { events, problems } = runParser(auditLogParser, sample, { name, tz: 'Europe/Zurich' });

  it('parses every sample line without problems', () => {
    expect(problems).toEqual([]);
    expect(events).toHaveLength(sample.trim().split('\n').length);
  });

  it('carries the connection identity and token claims into job.submit', () => {
    const submits = events.filter((e) => e.kind === 'job.submit');
    expect(submits.map((e) => e.ids.ceJobId)).toEqual(['40117.0', '40117.1']);
    expect(submits[0].ids).toMatchObject({
      host: 'ce01.example-site.org',
      session: 'cid:88412',
      ip: '198.51.100.23',
      clientHost: 'factory01.example-vo.org',
      sub: 'bad0c0de-0000-4000-8000-00000000f00d',
      iss: 'https://cms-auth.example-iam.org/',
      jti: '2c4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
      user: 'cmspilot',
      vo: 'cms',
    });
    expect(submits[0].src?.line).toBe(5);
    // 14:02:12 CET = 13:02:12Z, assumed zone recorded.
    expect(new Date(submits[0].time.ts).toISOString()).toBe('2026-11-23T13:02:12.000Z');
    expect(submits[0].time.assumed).toBe('tz=Europe/Zurich');
  });

  it('emits token.use for the payload and the SCITOKENS/IDTOKENS lines', () => {
    const uses = events.filter((e) => e.kind === 'token.use');
    expect(uses.map((e) => e.src?.line)).toEqual([2, 3, 7]);
    expect(uses[2].ids).toMatchObject({ ip: '2001:db8::15', sub: 'condor@ce01.example-site.org', session: 'cid:88413' });
  });

  it('reports failures and certificate logins', () => {
    expect(events.filter((e) => e.kind === 'auth.fail').map((e) => e.src?.line)).toEqual([10, 11, 19, 22]);
    // `(null)` values are absent values, not a user called "(null)".
    const unauth = events.find((e) => e.src?.line === 21);
    expect(unauth?.kind).toBe('log');
    expect(unauth?.ids.user).toBeUndefined();
    expect(events.find((e) => e.src?.line === 22)?.ids.ip).toBe('198.51.100.99');
    expect(events.find((e) => e.src?.line === 23)?.ids).toMatchObject({ vo: 'dteam', ceJobId: '40120.0', session: 'cid:88416' });
    const ssl = events.find((e) => e.kind === 'auth.login');
    expect(ssl?.ids).toMatchObject({ dn: '/DC=org/DC=example/OU=People/CN=Alice Example 123456', user: 'alice', ip: '192.0.2.40' });
    const proxy = events.find((e) => e.src?.line === 17);
    expect(proxy?.ids).toMatchObject({ ceJobId: '40120.0', dn: '/DC=org/DC=example/OU=People/CN=Alice Example 123456' });
  });

  it('reads (pid)(tid)(D_AUDIT) headers and sub-second times', () => {
    const denied = events.find((e) => e.src?.line === 19);
    expect(denied?.ids.session).toBe('cid:88417');
    expect(denied?.ids.ip).toBe('198.51.100.23');
    expect(denied?.time.text).toBe('11/23/26 14:07:30.118');
    expect((denied?.time.ts ?? 0) % 1000).toBe(118);
  });

  it('turns garbage into line.malformed problems and keeps the good lines', () => {
    const bad = [
      sample.split('\n')[0],
      'garbage without a header',
      '11/23/26 14:0',
      '\u0000\u0001\u0002\ufffd\ufffd binary',
      `11/23/26 14:02:12 (cid:1) Set Attribute for job 1.0, Huge = "${'x'.repeat(100_000)}"`,
      '2026-11-23 14:02:11 [Arc.A-REX] [INFO] wrong format',
      '13/45/26 14:02:12 (cid:88412) Submitting new job 1.0',
      sample.split('\n')[4],
    ].join('\n');
    const r = runParser(auditLogParser, bad, { name });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 6],
      ['line.malformed', 7],
    ]);
    expect(r.events.map((e) => e.src?.line)).toEqual([1, 5, 8]);
    expect(r.events[2].kind).toBe('job.submit');
  });

  it('detects AuditLogs and nothing else', () => {
    const head = sample.split('\n').slice(0, 20);
    expect(auditLogParser.detect({ name: 'AuditLog.20261123T140211', head })).toBeGreaterThan(0.9);
    expect(auditLogParser.detect({ name: 'x.log', head })).toBeGreaterThan(0.8);
    expect(auditLogParser.detect({ name: 'SchedLog', head: ['11/23/26 14:02:11 Starting up'] })).toBe(0);
    expect(auditLogParser.detect({ name: 'access.log', head: ['192.0.2.1 - - [23/Nov/2026:14:02:11 +0000] "GET / HTTP/1.1" 200 1'] })).toBe(0);
  });
});
