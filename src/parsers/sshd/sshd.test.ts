import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { sshdParser } from './index';

const auth = readFileSync(join(__dirname, 'samples/auth.log'), 'utf8');
const journal = readFileSync(join(__dirname, 'samples/journal-short-iso.txt'), 'utf8');

describe('sshd parser', () => {
  it('detects auth logs and journal exports', () => {
    expect(sshdParser.detect({ name: 'auth.log', head: auth.split('\n') })).toBeGreaterThan(0.8);
    expect(sshdParser.detect({ name: 'journal.txt', head: journal.split('\n') })).toBeGreaterThan(0.5);
    expect(sshdParser.detect({ name: 'x', head: ['261123 14:05:41 2207 XrootdXeq: a.1:2@h pub IPv4 login'] })).toBe(0);
  });

  it('reads logins and failures with the assumed year and zone', () => {
    const { events, problems } = runParserOther(sshdParser, auth, { tz: 'Europe/Zurich', year: 2026 });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'auth.login'],
      [3, 'auth.fail'],
      [4, 'auth.fail'],
      [6, 'auth.login'],
    ]);
    expect(events[0]!.ids).toEqual({ host: 'ui01', user: 'alice', ip: '203.0.113.51', port: 53310 });
    expect(new Date(events[0]!.time.ts).toISOString()).toBe('2026-11-23T13:02:11.000Z');
    expect(events[0]!.time.assumed).toBe('tz=Europe/Zurich; year=2026 (analyst)');
    expect(events[1]!.ids.user).toBe('admin');
    expect(events[3]!.ids).toMatchObject({ ip: '2001:db8::51', user: 'bob' });
    expect(events[3]!.time.assumed).toBeUndefined();
  });

  it('reads journal short-iso and json lines', () => {
    const { events, problems } = runParserOther(sshdParser, journal);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, e.ids.user, e.ids.ip, e.ids.host])).toEqual([
      ['auth.login', 'carol', '192.0.2.77', 'ui02.example-site.org'],
      ['auth.fail', 'carol', '192.0.2.78', 'ui02.example-site.org'],
    ]);
    expect(events[1]!.time.ts).toBe(1795438931000);
  });

  it('reports malformed lines', () => {
    const good = auth.split('\n')[0]!;
    const { events, problems } = runParserOther(sshdParser, [good, ...junkLines()].join('\n'));
    expect(events).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 6, 7]);
  });

  it('stamps that look like syslog or RFC 3339 but are not dates are malformed lines', () => {
    const msg = 'ui01 sshd[4711]: Accepted publickey for erin from 198.51.100.135 port 59645 ssh2';
    const stamps = ['Nov 23 14:02:11', 'Nov  3 04:05:06', 'Xyz 23 14:02:11', 'nov 23 14:02:11', 'NOV 23 14:02:11', '2026-11-23T14:02:11.5+01:00', '2026-13-23T14:02:11Z', '2026-11-23T25:02:11Z'];
    const { events, problems } = runParserOther(sshdParser, stamps.map((s) => `${s} ${msg}`).join('\n'));
    expect(events.map((e) => [e.src?.line, e.time.text])).toEqual([
      [1, 'Nov 23 14:02:11'],
      [2, 'Nov  3 04:05:06'],
      [6, '2026-11-23T14:02:11.5+01:00'],
    ]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 5],
      ['line.malformed', 7],
      ['line.malformed', 8],
    ]);
  });
});
