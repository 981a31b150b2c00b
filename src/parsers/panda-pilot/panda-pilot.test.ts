import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkLines, runParserOther } from '../common/testing-other';
import { pandaPilotParser } from './index';

const sample = readFileSync(join(__dirname, 'samples/pilotlog.txt'), 'utf8');
const debug = readFileSync(join(__dirname, 'samples/pilotlog-debug.txt'), 'utf8');
const domainForm = readFileSync(join(__dirname, 'samples/pilotlog-domain.txt'), 'utf8');

describe('PanDA pilot parser', () => {
  it('detects pilot logs', () => {
    expect(pandaPilotParser.detect({ name: 'pilotlog.txt', head: sample.split('\n') })).toBeGreaterThan(0.6);
    expect(pandaPilotParser.detect({ name: 'x', head: ['2026-11-23T13:12:00,123456Z WorkloadManagement/JobAgent INFO: Received JobID=1'] })).toBe(0);
  });

  it('reads pilot start, ids and payload start/end', () => {
    const { events, problems } = runParserOther(pandaPilotParser, sample);
    expect(problems).toEqual([]);
    const kinds = events.map((e) => e.kind);
    expect(kinds).toEqual(['pilot.start', 'log', 'log', 'log', 'log', 'log', 'log', 'payload.start', 'payload.end']);
    const start = events.find((e) => e.kind === 'payload.start')!;
    expect(start.ids).toEqual({
      host: 'wn042.example-site.org',
      ip: '192.0.2.42',
      pilotId: 'https://pilot-logs.example-site.org/cms/20261123/ce01_40118_0.log',
      payloadId: '6871234567',
      user: '/DC=org/DC=example/OU=People/CN=alice',
      vo: 'atlas',
    });
    expect(new Date(start.time.ts).toISOString()).toBe('2026-11-23T13:10:04.250Z');
    const end = events.find((e) => e.kind === 'payload.end')!;
    expect(end.src?.line).toBe(13);
    expect(new Date(end.time.ts).toISOString()).toBe('2026-11-23T14:45:11.903Z');
    expect(end.time.assumed).toMatch(/continuation/);
  });

  it('reads the DOMAIN.md / scenario message forms: pilot id, host+ip, batch ids, payload token, start/end', () => {
    const { events, problems } = runParserOther(pandaPilotParser, domainForm);
    expect(problems).toEqual([]);
    const main = events.filter((e) => e.kind !== 'log');
    expect(main.map((e) => [e.src?.line, e.kind])).toEqual([
      [1, 'pilot.start'],
      [8, 'payload.start'],
      [9, 'payload.end'],
      [12, 'payload.start'],
      [13, 'payload.end'],
      [14, 'pilot.end'],
    ]);
    expect(main[1]!.ids).toEqual({
      pilotId: 'factory01:889761.0',
      host: 'wn017.example-site.org',
      ip: '192.0.2.117',
      batchJobId: '40118.0',
      globalJobId: 'ce01.example-site.org#40118.0#1795420654',
      vo: 'atlas',
      payloadId: '6879002722',
      user: 'alice',
      iss: 'https://atlas-auth.example-iam.org/',
      sub: '159ccec7-45ed-416c-b137-f90efa50d364',
      jti: '16433e39-20e6-4723-95a0-b7f786625a0a',
    });
    // the next payload does not inherit the previous owner's token
    expect(main[3]!.ids).toMatchObject({ payloadId: '6874225555', user: 'bob' });
    expect(main[3]!.ids.sub).toBeUndefined();
    expect(main[4]!.summary).toContain('6874225555');
  });

  it('reads the debug format with name and funcName columns', () => {
    const { events } = runParserOther(pandaPilotParser, debug);
    const start = events.find((e) => e.kind === 'payload.start')!;
    expect(start.ids).toMatchObject({ payloadId: '6871234999', user: 'bob' });
  });

  it('reports junk before any pilot line and binary junk, keeps good lines', () => {
    const good = sample.split('\n')[6]!;
    const { events, problems } = runParserOther(pandaPilotParser, ['garbage first', good, ...junkLines(), good].join('\n'));
    expect(events.filter((e) => e.kind === 'log')).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([1, 4]);
  });
});
