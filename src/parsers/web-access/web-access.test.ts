import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clfTime } from '../common/stamp';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { webAccessParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/access_log'), 'utf8');
const FP = 'f'.repeat(64);

describe('web access log parser', () => {
  it('detects access logs', () => {
    expect(webAccessParser.detect({ name: 'access_log', head: sample.split('\n') })).toBeGreaterThan(0.8);
    expect(webAccessParser.detect({ name: 'x', head: ['Nov 23 14:02:11 ui01 sshd[40212]: Accepted publickey for alice from 203.0.113.51 port 53310 ssh2'] })).toBe(0);
  });

  it('reads requests and flags lines that held a credential', () => {
    const { events, problems } = runParserOther(webAccessParser, sample, { secrets: { 3: [fakeSecret(FP)] } });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'http.request'],
      [2, 'http.request'],
      [3, 'http.request'],
      [3, 'token.exposure'],
      [4, 'http.request'],
    ]);
    expect(new Date(events[0]!.time.ts).toISOString()).toBe('2026-11-23T13:02:11.000Z');
    expect(events[1]!.ids).toEqual({ ip: '198.51.100.23', user: 'alice', endpoint: '/token', op: 'POST', status: '200' });
    expect(events[2]!.ids).toMatchObject({ ip: '2001:db8:40::17', endpoint: '/store/mc/file01.root', tokenFps: [FP] });
    expect(events[3]!.severity).toBe('high');
    expect(events[4]!.ids).toEqual({ host: 'web01.example-site.org', ip: '192.0.2.15', endpoint: '/store/user/alice/out.root', op: 'DELETE', status: '403' });
  });

  it('reports malformed lines', () => {
    const good = sample.split('\n')[0]!;
    const { events, problems } = runParserOther(webAccessParser, [good, ...junkLines(), good.slice(0, 50)].join('\n'));
    expect(events).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 6, 7, 8]);
  });

  it('reads the %t stamp as clfTime does: the twelve month names as written, any offset; other months are malformed', () => {
    const stamps = ['23/Nov/2026:14:02:11 +0100', '01/Jan/2026:00:00:00 -0000', '31/Dec/2025:23:59:60 -0530', '29/Feb/2024:12:00:00 +1400', '23/nov/2026:14:02:11 +0100', '23/Xyz/2026:14:02:11 +0100', '23/NOV/2026:14:02:11 +0100'];
    const { events, problems } = runParserOther(webAccessParser, stamps.map((t) => `192.0.2.1 - - [${t}] "GET / HTTP/1.1" 200 5`).join('\n'));
    expect(events.map((e) => e.time)).toEqual(stamps.slice(0, 4).map((t) => clfTime(t)));
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 5],
      ['line.malformed', 6],
      ['line.malformed', 7],
    ]);
  });

  it('reads method and path of odd request strings as split(" ") and split("?") do', () => {
    const requests = ['GET /a?b=1 HTTP/1.1', 'GET', '-', '', 'GET  /two-spaces', 'PUT /x', 'OPTIONS * HTTP/1.1', 'GET ?only HTTP/1.0', 'GET /p?q?r', ' /lead'];
    const lines = requests.map((r) => `192.0.2.1 - - [23/Nov/2026:14:02:11 +0100] "${r}" 200 5`);
    const { events, problems } = runParserOther(webAccessParser, lines.join('\n'));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.ids.op, e.ids.endpoint])).toEqual(
      requests.map((r) => {
        const parts = r.split(' ');
        const target = parts.length >= 2 ? parts[1] : undefined;
        const path = target?.split('?')[0];
        // Events drop empty ids.
        return [parts.length >= 2 && parts[0] ? parts[0] : undefined, path || undefined];
      }),
    );
  });
});
