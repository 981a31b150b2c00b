import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { aliceJobAgentParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/jobagent.log'), 'utf8');

describe('ALICE JobAgent parser', () => {
  it('detects JobAgent logs', () => {
    expect(aliceJobAgentParser.detect({ name: 'jobagent.log', head: sample.split('\n') })).toBeGreaterThan(0.7);
    expect(aliceJobAgentParser.detect({ name: 'x', head: ['2026-11-23 13:10:04,221 | INFO     | PanDA job id: 1'] })).toBe(0);
  });

  it('reads queueid/resubmission/user from slash and RFC 2253 subjects', () => {
    const { events, problems } = runParserOther(aliceJobAgentParser, sample, { tz: 'Europe/Zurich' });
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'pilot.start'],
      [2, 'payload.start'],
      [3, 'payload.end'],
      [5, 'payload.start'],
    ]);
    expect(events[1]!.ids).toEqual({ host: 'wn042.example-site.org', pilotId: 'ja-wn042-17', payloadId: '3187654321', user: 'alice' });
    expect(events[1]!.time.assumed).toBe('tz=Europe/Zurich');
    expect(events[3]!.ids).toMatchObject({ payloadId: '3187654399', user: 'bob' });
    expect(new Date(events[3]!.time.ts).toISOString()).toBe('2026-11-23T13:21:00.000Z');
  });

  it('reports malformed lines', () => {
    const { events, problems } = runParserOther(aliceJobAgentParser, ['junk first', sample.split('\n')[1], ...junkLines()].join('\n'));
    expect(events).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([1, 4]);
  });
});
