import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { iamAuditParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/iam-login-service.log'), 'utf8');

describe('IAM audit parser', () => {
  it('detects IAM audit logs', () => {
    expect(iamAuditParser.detect({ name: 'iam-login-service.log', head: sample.split('\n') })).toBeGreaterThan(0.8);
    expect(iamAuditParser.detect({ name: 'x', head: ['{"time": 1, "msg": "hello"}'] })).toBe(0);
  });

  it('reads token and authentication events with confirmed and DOMAIN.md field names', () => {
    const { events, problems } = runParserOther(iamAuditParser, sample);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [2, 'token.refresh'],
      [3, 'token.issue'],
      [4, 'auth.fail'],
      [5, 'token.issue'],
    ]);
    const [refresh, issue, fail, rt] = events;
    expect(refresh!.time).toEqual({ ts: 1795438802114, text: '1795438802114' });
    expect(refresh!.ids).toEqual({
      host: 'cms-auth.example-iam.org',
      iss: 'https://cms-auth.example-iam.org/',
      sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11',
      user: 'alice',
      jti: '3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60',
      clientId: 'c0ffee00-1111-4222-8333-444455556666',
      grantType: 'refresh_token',
    });
    expect(issue!.ids).toMatchObject({ clientId: 'fa11ed00-2222-4333-8444-555566667777', grantType: 'client_credentials' });
    expect(fail!.ids).toEqual({ user: 'mallory', ip: '203.0.113.66' });
    expect(rt!.ids).toMatchObject({ jti: '9a8b7c6d-0000-4000-8000-000000000001', clientId: 'c0ffee00-1111-4222-8333-444455556666' });
  });

  it('takes the IAM host from the input path when the record names no issuer', () => {
    const line = sample.split('\n')[3]!;
    const { events } = runParserOther(iamAuditParser, line, { name: 'bundle!/atlas-auth.example-iam.org/var/log/iam/iam-login-service.log' });
    expect(events[0]!.ids.host).toBe('atlas-auth.example-iam.org');
  });

  it('reports malformed lines and truncated JSON, keeps good ones', () => {
    const good = sample.split('\n')[1]!;
    const { events, problems } = runParserOther(iamAuditParser, [good, ...junkLines(), good.slice(0, 200), good].join('\n'));
    expect(events).toHaveLength(2);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 4],
      ['line.malformed', 6],
      ['line.malformed', 7],
      ['line.malformed', 8],
    ]);
  });
});
