import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecret, junkLines, runParserOther } from '../common/testing-other';
import { jsonlParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/service.jsonl'), 'utf8');

describe('JSON lines parser', () => {
  it('detects JSON lines modestly', () => {
    expect(jsonlParser.detect({ name: 'service.jsonl', head: sample.split('\n') })).toBe(0.4);
    expect(jsonlParser.detect({ name: 'x', head: ['garbage'] })).toBe(0);
  });

  it('finds time in the usual fields and units, and identity fields', () => {
    const { events, problems } = runParserOther(jsonlParser, sample);
    expect(problems).toEqual([]);
    expect(events.map((e) => new Date(e.time.ts).toISOString())).toEqual([
      '2026-11-23T14:02:11.512Z',
      '2026-11-23T14:03:20.000Z',
      '2026-11-23T14:05:00.123Z',
      '2026-11-23T14:06:40.000Z',
    ]);
    expect(events[0]!.ids).toEqual({
      ip: '203.0.113.51',
      host: 'gw01.example-site.org',
      sub: '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11',
      iss: 'https://cms-auth.example-iam.org/',
    });
    expect(events[1]!.ids.ip).toBe('2001:db8::5');
    expect(events[2]!.ids).toEqual({ ip: '198.51.100.23', user: 'alice' });
    expect(events[0]!.summary).toBe('token accepted');
  });

  it('reports malformed and time-less records; keeps credential sightings', () => {
    const text = [...junkLines(), '{"level":"info"}', '{"level":"info","token":"[redacted]"}'].join('\n');
    const { events, problems } = runParserOther(jsonlParser, text, { secrets: { 8: [fakeSecret('9'.repeat(64))] } });
    expect(events.map((e) => e.kind)).toEqual(['token.exposure']);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['line.malformed', 1],
      ['line.malformed', 2],
      ['line.malformed', 3],
      ['line.malformed', 5],
      ['line.malformed', 6],
      ['time.unparsed', 7],
      ['time.unparsed', 8],
    ]);
  });
});
