import { describe, expect, it } from 'vitest';
import { CASE_FORMAT, type Case, DEFAULT_SETTINGS, TOOL_VERSION, validateCase } from './index';

function minimalCase(): Case {
  return {
    format: CASE_FORMAT,
    id: 'case-1',
    name: 'test',
    tool: { name: 'tokentrail', version: TOOL_VERSION },
    settings: DEFAULT_SETTINGS,
    profile: 'csirt',
    inputs: [{ path: 'SchedLog', size: 10, sha256: 'a'.repeat(64), parser: 'htcondor.schedlog', events: 1, problems: 0, tz: 'UTC' }],
    events: [
      {
        id: 'e0.1',
        time: { ts: 1795442741000, text: '11/23/26 14:05:41', assumed: 'tz=UTC' },
        src: { input: 'SchedLog', line: 1, parser: 'htcondor.schedlog' },
        kind: 'token.use',
        ids: { ip: '203.0.113.7', jti: '3f0b9c7e', tokenFps: ['b'.repeat(64)] },
        text: '11/23/26 14:05:41 (cid:1) AuthMethod=SCITOKENS',
      },
    ],
    tokens: [],
    entities: [],
    links: [],
    findings: [],
    problems: [{ code: 'line.malformed', input: 'SchedLog', line: 2, message: 'no timestamp' }],
    redaction: { wlcg: 1 },
  };
}

describe('case schema', () => {
  it('accepts a well-formed case', () => {
    const r = validateCase(minimalCase());
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('rejects a wrong format tag, an unknown event kind and a bad sha256, naming where', () => {
    const c = minimalCase() as unknown as Record<string, unknown>;
    c.format = 'tokentrail.case/v2';
    const bad = minimalCase();
    bad.events[0]!.kind = 'made.up' as never;
    bad.inputs[0]!.sha256 = 'xyz';
    expect(validateCase(c).valid).toBe(false);
    const r = validateCase(bad);
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(/#\/events\/0\/kind/);
    expect(r.errors.join('\n')).toMatch(/#\/inputs\/0\/sha256/);
  });

  it('rejects unknown top-level fields (a raw token must not sneak in under another name)', () => {
    const c = { ...minimalCase(), rawTokens: ['eyJ...'] };
    expect(validateCase(c).valid).toBe(false);
  });
});
