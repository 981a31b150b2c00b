import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { diracPilotParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/pilot.log'), 'utf8');

describe('DIRAC pilot parser', () => {
  it('detects DIRAC logs', () => {
    expect(diracPilotParser.detect({ name: 'pilot.log', head: sample.split('\n') })).toBeGreaterThan(0.8);
    expect(diracPilotParser.detect({ name: 'x', head: ['2026-11-23 13:10:04,221 | INFO     | PanDA job id: 1'] })).toBe(0);
  });

  it('reads pilot start, payload start/end with owner and group, both time forms', () => {
    const { events, problems } = runParserOther(diracPilotParser, sample);
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'pilot.start'],
      [4, 'payload.start'],
      [6, 'payload.end'],
      [7, 'payload.start'],
    ]);
    expect(events[1]!.ids).toEqual({
      host: 'wn042.example-site.org',
      pilotId: 'https://ce01.example-site.org:9619/40118.0',
      payloadId: '731002334',
      user: 'alice',
      vo: 'lhcb',
    });
    expect(new Date(events[1]!.time.ts).toISOString()).toBe('2026-11-23T13:12:00.123Z');
    expect(events[2]!.ids.payloadId).toBe('731002334');
    expect(events[3]!.ids).toMatchObject({ payloadId: '731002999', user: 'bob' });
    expect(events[3]!.time).toEqual({ ts: Date.UTC(2026, 10, 23, 15, 41), text: '2026-11-23 15:41:00 UTC' });
  });

  it('reports malformed lines', () => {
    const { events, problems } = runParserOther(diracPilotParser, ['junk first', sample.split('\n')[3], ...junkLines()].join('\n'));
    expect(events).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([1, 4]);
  });
});
